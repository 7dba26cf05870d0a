import { Text, View } from '@tarojs/components';

export default function Blank() {
  return (
    <View>
      <Text>一站</Text>
    </View>
  );
}
