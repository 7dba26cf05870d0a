/**
 * @tarojs/taro for jest: storage in memory, network through the fake API
 * (test/fake-api.ts), and a record of what the resident would see (toasts,
 * navigations). Page hooks are wired so tests can "show", "pull down" and "scroll".
 */
import { useEffect, useRef } from 'react';
import { act } from '@testing-library/react';
import { api } from '../fake-api';

type Fn = (...args: any[]) => any;

const hookSets = { show: new Set<Fn>(), pullDown: new Set<Fn>(), reachBottom: new Set<Fn>() };

export const taroTest = {
  storage: new Map<string, unknown>(),
  toasts: [] as string[],
  navigations: [] as string[],
  params: {} as Record<string, string>,
  modalAnswers: [] as boolean[],
  pickedFiles: [] as string[],
  subscribeAnswer: null as Record<string, string> | null,
  phoneCode: null as string | null,
  loginCounter: 0,
  tabBadge: null as string | null,
  phoneCalls: [] as string[],
  /** wx.requestPayment: the parameters it was called with; `paymentAnswer` false = the payer cancelled. */
  payments: [] as Record<string, unknown>[],
  paymentAnswer: true,
  networkListeners: [] as Fn[],
  /** The phone's network comes back (or goes): what wx.onNetworkStatusChange reports. */
  async network(isConnected: boolean) {
    await act(async () => {
      await Promise.all(this.networkListeners.map((l) => l({ isConnected, networkType: isConnected ? 'wifi' : 'none' })));
    });
  },
  reset() {
    this.phoneCalls = [];
    this.payments = [];
    this.paymentAnswer = true;
    this.storage.clear();
    this.toasts = [];
    this.navigations = [];
    this.params = {};
    this.modalAnswers = [];
    this.pickedFiles = [];
    this.subscribeAnswer = null;
    this.phoneCode = null;
    this.loginCounter = 0;
    this.tabBadge = null;
    hookSets.show.clear();
    hookSets.pullDown.clear();
    hookSets.reachBottom.clear();
  },
  async show() {
    await act(async () => {
      await Promise.all([...hookSets.show].map((f) => f()));
    });
  },
  async pullDown() {
    await act(async () => {
      await Promise.all([...hookSets.pullDown].map((f) => f()));
    });
  },
  async reachBottom() {
    await act(async () => {
      await Promise.all([...hookSets.reachBottom].map((f) => f()));
    });
  },
};

function parseUrl(url: string) {
  const [pathPart, queryPart = ''] = url.split('?') as [string, string?];
  const path = pathPart.replace(/^\/api\/v1/, '');
  const query = Object.fromEntries(
    queryPart
      .split('&')
      .filter(Boolean)
      .map((kv) => kv.split('=').map(decodeURIComponent) as [string, string]),
  );
  return { path, query };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

const Taro = {
  async request(opts: { url: string; method?: string; data?: unknown; header?: Record<string, string> }) {
    await tick();
    const { path, query } = parseUrl(opts.url);
    const res = await api.handle({ method: opts.method ?? 'GET', path, query, body: opts.data, headers: opts.header ?? {} });
    if (res === 'offline') throw { errMsg: 'request:fail net::ERR_INTERNET_DISCONNECTED' };
    return { statusCode: res.status, data: res.body ?? '', header: {} };
  },
  uploadFile(opts: {
    url: string;
    filePath: string;
    name: string;
    header?: Record<string, string>;
    success: (res: { statusCode: number; data: string }) => void;
    fail: (res: { errMsg: string }) => void;
  }) {
    const listeners: Fn[] = [];
    let aborted = false;
    void (async () => {
      await tick();
      listeners.forEach((l) => l({ progress: 40 }));
      const { path } = parseUrl(opts.url);
      const res = await api.handle({
        method: 'POST',
        path,
        query: {},
        body: { field: opts.name, filePath: opts.filePath },
        headers: opts.header ?? {},
      });
      if (aborted) return opts.fail({ errMsg: 'uploadFile:fail abort' });
      if (res === 'offline') return opts.fail({ errMsg: 'uploadFile:fail' });
      listeners.forEach((l) => l({ progress: 100 }));
      // WeChat hands the body over as text, whatever the status.
      opts.success({ statusCode: res.status, data: res.body === undefined ? '' : JSON.stringify(res.body) });
    })();
    return {
      abort: () => {
        aborted = true;
      },
      onProgressUpdate: (l: Fn) => listeners.push(l),
    };
  },
  async login() {
    taroTest.loginCounter += 1;
    return { code: `wx-code-${taroTest.loginCounter}`, errMsg: 'login:ok' };
  },
  getStorageSync(key: string) {
    return taroTest.storage.has(key) ? JSON.parse(JSON.stringify(taroTest.storage.get(key))) : '';
  },
  setStorageSync(key: string, value: unknown) {
    taroTest.storage.set(key, value === undefined ? value : JSON.parse(JSON.stringify(value)));
  },
  removeStorageSync(key: string) {
    taroTest.storage.delete(key);
  },
  async showToast(opts: { title: string }) {
    taroTest.toasts.push(opts.title);
  },
  async showModal() {
    return { confirm: taroTest.modalAnswers.length ? taroTest.modalAnswers.shift()! : true, cancel: false };
  },
  async requestPayment(opts: Record<string, unknown>) {
    taroTest.payments.push(opts);
    if (!taroTest.paymentAnswer) throw { errMsg: 'requestPayment:fail cancel' };
    return { errMsg: 'requestPayment:ok' };
  },
  showLoading() {},
  hideLoading() {},
  async showActionSheet() {
    return { tapIndex: 0 };
  },
  async navigateTo(opts: { url: string }) {
    taroTest.navigations.push(`navigateTo ${opts.url}`);
  },
  async redirectTo(opts: { url: string }) {
    taroTest.navigations.push(`redirectTo ${opts.url}`);
  },
  async switchTab(opts: { url: string }) {
    taroTest.navigations.push(`switchTab ${opts.url}`);
  },
  async navigateBack() {
    taroTest.navigations.push('navigateBack');
  },
  getCurrentPages() {
    return [{}, {}];
  },
  async setNavigationBarTitle() {},
  stopPullDownRefresh() {},
  async setTabBarBadge(opts: { text: string }) {
    taroTest.tabBadge = opts.text;
  },
  async removeTabBarBadge() {
    taroTest.tabBadge = null;
  },
  async previewImage() {},
  async makePhoneCall(opts: { phoneNumber: string }) {
    taroTest.phoneCalls.push(opts.phoneNumber);
  },
  onNetworkStatusChange(listener: Fn) {
    taroTest.networkListeners.push(listener);
  },
  async chooseMedia(opts: { count: number }) {
    if (taroTest.pickedFiles.length === 0) throw { errMsg: 'chooseMedia:fail cancel' };
    return { tempFiles: taroTest.pickedFiles.slice(0, opts.count).map((tempFilePath) => ({ tempFilePath, size: 1000 })) };
  },
  async requestSubscribeMessage(opts: { tmplIds: string[] }) {
    if (!taroTest.subscribeAnswer) throw { errMsg: 'requestSubscribeMessage:fail' };
    return { errMsg: 'requestSubscribeMessage:ok', ...Object.fromEntries(opts.tmplIds.map((id) => [id, taroTest.subscribeAnswer![id] ?? 'reject'])) };
  },
  onNeedPrivacyAuthorization() {},
  openPrivacyContract(opts: { fail?: Fn }) {
    opts.fail?.();
  },
};

function useRegistered(set: Set<Fn>, fn: Fn) {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    const handler = () => ref.current();
    set.add(handler);
    return () => {
      set.delete(handler);
    };
  }, [set]);
}

/** Taro calls didShow when the page first shows and each time it comes back. */
export function useDidShow(fn: Fn) {
  useRegistered(hookSets.show, fn);
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => {
    ref.current();
  }, []);
}
export const usePullDownRefresh = (fn: Fn) => useRegistered(hookSets.pullDown, fn);
export const useReachBottom = (fn: Fn) => useRegistered(hookSets.reachBottom, fn);
export const useRouter = () => ({ params: taroTest.params, path: '' });
export const useLaunch = (fn: Fn) => useEffect(() => void fn(), []);

export default Taro;
