import { Button, Select, Space, Table, Typography, type TableProps } from 'antd';
import type { useCursorPages } from '../hooks/useCursorPages';
import { T } from '../strings';

type Pager<R> = ReturnType<typeof useCursorPages<R>>;

/** antd Table over a keyset-paged list: previous / next instead of page numbers (the total is unknown by design). */
export function CursorTable<R extends object>({ pager, ...props }: { pager: Pager<R> } & Omit<TableProps<R>, 'dataSource' | 'pagination' | 'loading'>) {
  return (
    <div>
      <Table<R> size="middle" scroll={{ x: 'max-content' }} {...props} dataSource={pager.items} loading={pager.loading} pagination={false} />
      <CursorPager pager={pager} />
    </div>
  );
}

export function CursorPager<R>({ pager }: { pager: Pager<R> }) {
  return (
    <Space style={{ marginTop: 12, width: '100%', justifyContent: 'flex-end' }} wrap>
      <Typography.Text type="secondary">{T.list.pageN(pager.page)}</Typography.Text>
      <Button onClick={pager.prev} disabled={!pager.hasPrev || pager.loading}>
        {T.list.prev}
      </Button>
      <Button onClick={pager.next} disabled={!pager.hasNext || pager.loading}>
        {T.list.next}
      </Button>
      <Select
        aria-label={T.list.pageSize}
        value={pager.limit}
        onChange={pager.setLimit}
        style={{ width: 110 }}
        options={[10, 20, 50, 100].map((n) => ({ value: n, label: `${T.list.pageSize} ${n} 条` }))}
      />
    </Space>
  );
}
