import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../../../../test/fake-api';
import { returningResident } from '../../../../../../test/helpers';
import { taroTest } from '../../../../../../test/stubs/taro';
import { currentSession } from '../../../../../api/session';
import EraseDataPage from '../index';

describe('删除我的数据', () => {
  beforeEach(() => {
    returningResident();
    api.on('DELETE /me', () => ({ status: 204, body: null }));
  });

  it('says what is erased and what is kept anonymised, and needs an acknowledgement', async () => {
    render(<EraseDataPage />);
    expect(screen.getByTestId('erase-erased').textContent).toContain('绑定的房屋');
    expect(screen.getByTestId('erase-kept').textContent).toContain('不再与您关联');
    fireEvent.click(screen.getByRole('button', { name: '删除我的数据' }));
    expect(await screen.findByText('请先勾选「我已了解」')).toBeTruthy();
    expect(api.calls('DELETE /me')).toHaveLength(0);
  });

  it('asks once more, then erases and signs out', async () => {
    render(<EraseDataPage />);
    fireEvent.click(screen.getByText('我已了解，删除后无法恢复'));
    taroTest.modalAnswers = [false];
    fireEvent.click(screen.getByRole('button', { name: '删除我的数据' }));
    await waitFor(() => expect(taroTest.modalAnswers).toHaveLength(0));
    expect(api.calls('DELETE /me')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: '删除我的数据' }));
    await waitFor(() => expect(api.calls('DELETE /me')).toHaveLength(1));
    await waitFor(() => expect(taroTest.toasts).toContain('您的数据已删除'));
    expect(currentSession()).toBeNull();
  });
});
