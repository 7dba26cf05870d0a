import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import type { Place, Zone } from '@yizhan/shared';
import { Alert, App, Button, Form, Input, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useRef } from 'react';
import { useDryRunImport } from '../../../hooks/useDryRunImport';
import { useFormModal } from '../../../components/FormModal';
import { useAsync } from '../../../hooks/useAsync';
import * as admin from '../../../services/admin';
import { T } from '../../../strings';

interface PlaceForm {
  name: string;
  zoneId?: string | null;
  buildingId?: string | null;
}

const TEMPLATE = '名称,分区,楼栋\n1号门岗,A1,\n地下车库B1,,\n中心花园,A1,\n';

function downloadTemplate() {
  // BOM so that Excel opens the Chinese header correctly.
  const url = URL.createObjectURL(new Blob(['\ufeff', TEMPLATE], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = '公共场所模板.csv';
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** 公共场所: the community's named public spots — added one by one or from a sheet, renamed, retired. */
export function PlacesTab({ communityId, zones }: { communityId: string; zones: Zone[] }) {
  const { message } = App.useApp();
  const { data, loading, reload } = useAsync(() => admin.listPlaces(communityId), [communityId]);
  const { data: buildings } = useAsync(() => admin.listBuildings(communityId), [communityId]);
  const editingId = useRef<string | null>(null);
  const { preview, busy, bad, check, apply, cancel } = useDryRunImport((f, dryRun) => admin.importPlaces(communityId, f, dryRun), reload);
  const modal = useFormModal<PlaceForm>(async (v) => {
    const body = { name: v.name.trim(), zoneId: v.zoneId ?? null, buildingId: v.buildingId ?? null };
    if (editingId.current) await admin.updatePlace(editingId.current, body);
    else await admin.createPlace(communityId, body);
    message.success(T.saved);
    reload();
  });
  const zoneName = (id: string | null) => zones.find((z) => z.id === id)?.name ?? T.dash;
  const buildingName = (id: string | null) => buildings?.find((b) => b.id === id)?.name ?? T.dash;
  const setActive = async (p: Place, active: boolean) => {
    await admin.updatePlace(p.id, { active });
    message.success(T.saved);
    reload();
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">{T.admin.placeHint}</Typography.Text>
      <Space wrap>
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            editingId.current = null;
            modal.open();
          }}
        >
          {T.create}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={downloadTemplate}>
          {T.admin.placeImportTemplate}
        </Button>
        <Upload
          accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
          showUploadList={false}
          beforeUpload={(f) => {
            void check(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} loading={busy && !preview}>
            {T.admin.importPick}
          </Button>
        </Upload>
      </Space>
      {preview ? (
        <>
          <Typography.Text type="secondary">{T.admin.placeImportHint}</Typography.Text>
          <Alert
            type={bad.length ? 'warning' : 'success'}
            showIcon
            message={bad.length ? T.admin.importHasErrors(bad.length) : T.admin.importSummary(preview.created, preview.updated)}
          />
          <Table
            rowKey="line"
            size="small"
            dataSource={bad.length ? bad : preview.rows}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            columns={[
              { title: T.admin.importLine, dataIndex: 'line', width: 80 },
              { title: T.admin.placeName, dataIndex: 'name', render: (v?: string) => v ?? T.dash },
              { title: T.admin.importOk, dataIndex: 'ok', width: 100, render: (ok: boolean) => (ok ? <Tag color="green">✓</Tag> : <Tag color="red">✗</Tag>) },
              { title: T.admin.importErrors, dataIndex: 'errors', render: (errors: string[]) => errors.join('；') || T.dash },
            ]}
          />
          <Space>
            <Button type="primary" disabled={bad.length > 0} loading={busy} onClick={apply}>
              {T.admin.importApply}
            </Button>
            <Button onClick={cancel}>{T.cancel}</Button>
          </Space>
        </>
      ) : null}
      <Table<Place>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: T.admin.placeName, dataIndex: 'name' },
          { title: T.ticket.zone, dataIndex: 'zoneId', render: zoneName },
          { title: T.admin.placeBuilding, dataIndex: 'buildingId', render: buildingName },
          {
            title: T.admin.placeActive,
            dataIndex: 'active',
            render: (active: boolean) => (active ? <Tag color="green">{T.admin.placeInUse}</Tag> : <Tag>{T.admin.placeRetired}</Tag>),
          },
          {
            title: T.ticket.actions,
            key: 'a',
            render: (_, p) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => {
                    editingId.current = p.id;
                    modal.open({ name: p.name, zoneId: p.zoneId, buildingId: p.buildingId });
                  }}
                >
                  {T.edit}
                </Button>
                <Button size="small" onClick={() => void setActive(p, !p.active)}>
                  {p.active ? T.admin.placeRetire : T.admin.placeRestore}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {modal.render(
        T.admin.places,
        <>
          <Form.Item
            name="name"
            label={T.admin.placeName}
            rules={[{ required: true, whitespace: true, message: T.required(T.admin.placeName) }]}
            extra="如 1号门岗、地下车库B1、中心花园"
          >
            <Input maxLength={50} />
          </Form.Item>
          <Form.Item name="zoneId" label={T.ticket.zone} extra="该场所的报修派给此分区的值班客服；不选则派给全小区值班客服">
            <Select allowClear options={zones.map((z) => ({ value: z.id, label: z.name }))} />
          </Form.Item>
          <Form.Item name="buildingId" label={T.admin.placeBuilding}>
            <Select allowClear options={(buildings ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        </>,
      )}
    </Space>
  );
}
