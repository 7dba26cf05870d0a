import { App as AntdApp, Button, ConfigProvider, Result } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useLocation, useNavigate } from 'react-router-dom';
import { AppLayout } from './components/AppLayout';
import { PageLoading } from './components/PageLoading';
import { useAccess, useSession } from './hooks/useSession';
import { homePathFor, ROUTES, type AppRoute } from './routes';
import { setErrorPresenter } from './services/request';
import { T } from './strings';
import './time';
import './global.css';

/**
 * The sign-in page is a chunk of its own like every other page: someone already signed
 * in (most visits, the desk's every morning) no longer downloads and runs antd's Form
 * and its validator on the way to their first page.
 */
const LoginPage = lazy(() => import('./pages/login'));

/** Installs antd's message as the request wrapper's way to show errors. */
function ErrorPresenter() {
  const { message } = AntdApp.useApp();
  useEffect(() => setErrorPresenter((text) => void message.error(text)), [message]);
  return null;
}

function RequireLogin({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;
  return <>{children}</>;
}

function Forbidden() {
  const navigate = useNavigate();
  return (
    <Result status="403" title={T.forbidden.title} subTitle={T.forbidden.body} extra={<Button onClick={() => navigate('/')}>{T.forbidden.back}</Button>} />
  );
}

function NotFound() {
  const navigate = useNavigate();
  return <Result status="404" title={T.notFound.title} extra={<Button onClick={() => navigate('/')}>{T.notFound.back}</Button>} />;
}

function Guarded({ route }: { route: AppRoute }) {
  const access = useAccess();
  const Page = route.page;
  return access[route.access] ? <Page /> : <Forbidden />;
}

function Home() {
  const access = useAccess();
  const home = homePathFor(access);
  return home ? <Navigate to={home} replace /> : <Forbidden />;
}

export function AppRoutes() {
  return (
    <Suspense fallback={<PageLoading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route
          element={
            <RequireLogin>
              <AppLayout />
            </RequireLogin>
          }
        >
          <Route index element={<Home />} />
          {ROUTES.map((route) => (
            <Route key={route.path} path={route.path} element={<Guarded route={route} />} />
          ))}
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

/** antd in Chinese with one theme; every page sits inside this. */
export function Providers({ children }: { children: ReactNode }) {
  return (
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntdApp>
        <ErrorPresenter />
        {children}
      </AntdApp>
    </ConfigProvider>
  );
}

export default function App() {
  return (
    <Providers>
      <BrowserRouter basename="/admin">
        <AppRoutes />
      </BrowserRouter>
    </Providers>
  );
}
