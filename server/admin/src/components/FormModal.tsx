import { Form, Modal, type FormInstance } from 'antd';
import { useState, type ReactNode } from 'react';
import { T } from '../strings';

/**
 * A create/edit dialog: `open(values?)` shows it filled in, `onSubmit` saves; the
 * dialog closes only when saving worked (the request wrapper shows why it did not).
 */
export function useFormModal<V extends object>(onSubmit: (values: V, editing: boolean) => Promise<unknown>) {
  const [form] = Form.useForm<V>();
  const [state, setState] = useState<{ open: boolean; editing: boolean }>({ open: false, editing: false });
  const [saving, setSaving] = useState(false);

  const open = (values?: Partial<V>) => {
    form.resetFields();
    if (values) form.setFieldsValue(values as Parameters<FormInstance<V>['setFieldsValue']>[0]);
    setState({ open: true, editing: Boolean(values) });
  };

  const render = (title: string, children: ReactNode) => (
    <Modal
      open={state.open}
      title={`${state.editing ? T.edit : T.create}${title}`}
      okText={T.save}
      cancelText={T.cancel}
      confirmLoading={saving}
      onCancel={() => setState((s) => ({ ...s, open: false }))}
      onOk={() => form.submit()}
      forceRender
    >
      <Form<V>
        form={form}
        layout="vertical"
        onFinish={async (values) => {
          setSaving(true);
          try {
            await onSubmit(values, state.editing);
            setState((s) => ({ ...s, open: false }));
          } catch {
            // shown by the request wrapper
          } finally {
            setSaving(false);
          }
        }}
      >
        {children}
      </Form>
    </Modal>
  );

  return { form, open, render, editing: state.editing };
}
