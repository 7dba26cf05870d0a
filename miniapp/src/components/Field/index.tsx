import { Input, View } from '@tarojs/components';
import type { ReactNode } from 'react';

/** A labelled form field, the one shape every form of the app uses (styles in app.scss: .field). */
export function Field({ label, required, className, children }: { label: ReactNode; required?: boolean; className?: string; children: ReactNode }) {
  return (
    <View className={className ? `field ${className}` : 'field'}>
      <View className={required ? 'field__label field__required' : 'field__label'}>{label}</View>
      {children}
    </View>
  );
}

/** A mainland mobile number: digits only, at most 11. */
export function PhoneInput({ value, placeholder, onChange }: { value: string; placeholder: string; onChange: (value: string) => void }) {
  return <Input className="field__input" type="number" maxlength={11} value={value} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />;
}
