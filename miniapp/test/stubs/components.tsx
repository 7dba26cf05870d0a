/**
 * Taro components as plain DOM elements, with Taro's event shapes
 * (`e.detail.value` for inputs, open-type callbacks for buttons).
 */
import type { ReactNode } from 'react';
import { taroTest } from './taro';

type Common = { className?: string; children?: ReactNode; onClick?: (e: unknown) => void; [key: string]: unknown };

function domProps(props: Common) {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    if (k === 'className' || k === 'id' || k.startsWith('data-') || k.startsWith('aria-') || k === 'onClick') out[k] = v;
  }
  return out;
}

export const View = (props: Common) => <div {...domProps(props)}>{props.children}</div>;
export const Text = (props: Common) => <span {...domProps(props)}>{props.children}</span>;
export const Image = (props: Common & { src?: string }) => <img {...domProps(props)} src={props.src} alt="" />;
export const ScrollView = View;

export function Button(
  props: Common & {
    disabled?: boolean;
    loading?: boolean;
    openType?: string;
    onGetPhoneNumber?: (e: { detail: { code?: string } }) => void;
    onAgreePrivacyAuthorization?: () => void;
  },
) {
  const click = (e: unknown) => {
    if (props.disabled) return;
    props.onClick?.(e);
    if (props.openType === 'getPhoneNumber') props.onGetPhoneNumber?.({ detail: { code: taroTest.phoneCode ?? undefined } });
    if (props.openType === 'agreePrivacyAuthorization') props.onAgreePrivacyAuthorization?.();
  };
  return (
    <button {...domProps(props)} onClick={click} disabled={!!props.disabled} data-open-type={props.openType}>
      {props.children}
    </button>
  );
}

type InputProps = Common & {
  value?: string;
  placeholder?: string;
  onInput?: (e: { detail: { value: string } }) => void;
  onConfirm?: () => void;
};

export const Input = (props: InputProps) => (
  <input
    {...domProps(props)}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
  />
);

export const Textarea = (props: InputProps) => (
  <textarea
    {...domProps(props)}
    value={props.value ?? ''}
    placeholder={props.placeholder}
    onChange={(e) => props.onInput?.({ detail: { value: e.target.value } })}
  />
);

export const Switch = (props: Common & { checked?: boolean; onChange?: (e: { detail: { value: boolean } }) => void }) => (
  <input
    {...domProps(props)}
    type="checkbox"
    role="switch"
    checked={!!props.checked}
    onChange={(e) => props.onChange?.({ detail: { value: e.target.checked } })}
  />
);
