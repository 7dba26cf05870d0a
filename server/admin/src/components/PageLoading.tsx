import { Spin } from 'antd';
import { T } from '../strings';

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin tip={T.loading}>
        <div style={{ minHeight: 40 }} />
      </Spin>
    </div>
  );
}
