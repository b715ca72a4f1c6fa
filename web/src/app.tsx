// Client routes: the store at / (with registration and sign-in), My Page at /mypage and the admin console at /admin.
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AdminLayout, MypageLayout, StoreLayout } from './layouts/layouts';
import { AdminSection } from './pages/admin';
import { NotFound, RouteError } from './pages/errors';
import { LoginPage } from './pages/login';
import { MypageHome, MypageProfile, MypageSection } from './pages/mypage';
import { EmailChangeConfirmPage } from './pages/profile-edit';
import { RegisterConfirmPage, RegisterPage } from './pages/register';
import { StoreHome, StoreProducts } from './pages/store';
import { TermsPage } from './pages/terms';

const router = createBrowserRouter([
  {
    path: '/',
    element: <StoreLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <StoreHome /> },
      { path: 'products', element: <StoreProducts /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'register/confirm', element: <RegisterConfirmPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'terms/:kind', element: <TermsPage /> },
      { path: '*', element: <NotFound home="/" /> },
    ],
  },
  {
    path: '/mypage',
    element: <MypageLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <MypageHome /> },
      { path: 'contracts', element: <MypageSection section="contracts" /> },
      { path: 'orders', element: <MypageSection section="orders" /> },
      { path: 'invoices', element: <MypageSection section="invoices" /> },
      { path: 'profile', element: <MypageProfile /> },
      { path: 'email-change/confirm', element: <EmailChangeConfirmPage /> },
      { path: '*', element: <NotFound home="/mypage" /> },
    ],
  },
  {
    path: '/admin',
    element: <AdminLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <AdminSection section="dashboard" /> },
      { path: 'members', element: <AdminSection section="members" /> },
      { path: 'mailbox', element: <AdminSection section="mailbox" /> },
      { path: '*', element: <NotFound home="/admin" /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
