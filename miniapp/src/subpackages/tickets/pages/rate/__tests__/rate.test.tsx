import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { api } from '../../../../../../test/fake-api'
import { returningResident } from '../../../../../../test/helpers'
import { taroTest } from '../../../../../../test/stubs/taro'
import RatePage from '../index'

describe('rating', () => {
  beforeEach(() => {
    returningResident()
    taroTest.params = { id: '42' }
    api.on('POST /tickets/:id/rating', () => ({ status: 201, body: {} }))
  })

  it('needs all three scores, then sends them with the comment', async () => {
    render(<RatePage />)
    fireEvent.click(screen.getByLabelText('服务态度 5 星'))
    fireEvent.click(screen.getByText('提交评价'))
    expect(await screen.findByText('请为每一项打分')).toBeTruthy()

    fireEvent.click(screen.getByLabelText('及时性 4 星'))
    fireEvent.click(screen.getByLabelText('质量 5 星'))
    fireEvent.change(screen.getByPlaceholderText(/您的意见会帮助我们做得更好/), { target: { value: '  师傅很专业 ' } })
    fireEvent.click(screen.getByText('提交评价'))
    await waitFor(() => expect(taroTest.toasts).toContain('感谢您的评价'))
    expect(api.calls('POST /tickets/42/rating')[0]!.body).toEqual({ attitude: 5, timeliness: 4, quality: 5, comment: '师傅很专业' })
  })

  it('keeps the scores when sending fails', async () => {
    api.offline = true
    render(<RatePage />)
    ;['服务态度', '及时性', '质量'].forEach((d) => fireEvent.click(screen.getByLabelText(`${d} 3 星`)))
    fireEvent.click(screen.getByText('提交评价'))
    expect(await screen.findByText('网络开小差了，请检查网络后重试')).toBeTruthy()
    expect(screen.getAllByText('一般')).toHaveLength(3)
  })
})
