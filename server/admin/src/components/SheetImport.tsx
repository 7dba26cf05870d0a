import { UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Table, Tag, Upload } from 'antd';
import { T } from '../strings';

/** Downloads a CSV template; the BOM makes Excel open the Chinese header correctly. */
export function downloadCsvTemplate(filename: string, csv: string): void {
  const url = URL.createObjectURL(new Blob(['\ufeff', csv], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Picks a sheet (.xlsx / .csv) for a two-step import (useDryRunImport's `check`). */
export function ImportPicker({ onPick, loading }: { onPick: (file: File) => void; loading: boolean }) {
  return (
    <Upload
      accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
      showUploadList={false}
      beforeUpload={(f) => {
        onPick(f);
        return false;
      }}
    >
      <Button icon={<UploadOutlined />} loading={loading}>
        {T.admin.importPick}
      </Button>
    </Upload>
  );
}

interface CheckedRow {
  line: number;
  ok: boolean;
  errors: string[];
}

/**
 * A dry run's answer: the summary, the rows (only the bad ones when there are any, each with
 * its problems, the row named by `nameField`), and 确认导入 — disabled while any row is bad.
 */
export function ImportPreview<R extends CheckedRow>(props: {
  result: { created: number; updated: number; rows: R[] };
  bad: R[];
  busy: boolean;
  nameTitle: string;
  nameField: keyof R & string;
  onApply: () => void;
  onCancel?: () => void;
}) {
  const { result, bad, busy } = props;
  return (
    <>
      <Alert
        type={bad.length ? 'warning' : 'success'}
        showIcon
        message={bad.length ? T.admin.importHasErrors(bad.length) : T.admin.importSummary(result.created, result.updated)}
      />
      <Table<R>
        rowKey="line"
        size="small"
        dataSource={bad.length ? bad : result.rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: T.admin.importLine, dataIndex: 'line', width: 80 },
          { title: props.nameTitle, dataIndex: props.nameField, render: (v?: string) => v ?? T.dash },
          { title: T.admin.importOk, dataIndex: 'ok', width: 100, render: (ok: boolean) => (ok ? <Tag color="green">✓</Tag> : <Tag color="red">✗</Tag>) },
          { title: T.admin.importErrors, dataIndex: 'errors', render: (errors: string[]) => errors.join('；') || T.dash },
        ]}
      />
      <Space>
        <Button type="primary" disabled={bad.length > 0} loading={busy} onClick={props.onApply}>
          {T.admin.importApply}
        </Button>
        {props.onCancel ? <Button onClick={props.onCancel}>{T.cancel}</Button> : null}
      </Space>
    </>
  );
}
