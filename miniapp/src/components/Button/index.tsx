import { Button as TaroButton } from '@tarojs/components';
import type { ButtonProps } from '@tarojs/components';

/**
 * Taro's Button, passing `disabled` only when true: the H5 button writes
 * disabled="false" for false, and Taro's own H5 styles (`[disabled]`) then grey the
 * text out. Use this everywhere instead of the Taro one.
 */
export default function Button({ disabled, ...rest }: ButtonProps) {
  return <TaroButton {...rest} disabled={disabled ? true : undefined} />;
}
