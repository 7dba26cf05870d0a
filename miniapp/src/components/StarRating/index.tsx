import { Text, View } from '@tarojs/components';
import './index.scss';

interface Props {
  label: string;
  value: number;
  onChange?: (value: number) => void;
  words?: readonly string[];
}

/** 1–5 stars; read-only without `onChange`. */
export default function StarRating({ label, value, onChange, words }: Props) {
  return (
    <View className="stars" data-testid={`stars-${label}`}>
      <Text className="stars__label">{label}</Text>
      {[1, 2, 3, 4, 5].map((n) => (
        <Text
          key={n}
          className={`stars__star ${n <= value ? 'stars__star--on' : ''}`}
          aria-label={`${label} ${n} 星`}
          onClick={onChange ? () => onChange(n) : undefined}
        >
          ★
        </Text>
      ))}
      {words && value > 0 && <Text className="stars__word">{words[value]}</Text>}
    </View>
  );
}
