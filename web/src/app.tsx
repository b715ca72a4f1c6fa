// Client routes: the store at / (with registration and sign-in), My Page at /mypage and the admin console at /admin (with its own sign-in).
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AdminLayout, MypageLayout, StoreLayout } from './layouts/layouts';
import { AdminDashboard } from './pages/admin/dashboard';
import { AdminLoginPage } from './pages/admin/login';
import { AdminMailbox } from './pages/admin/mailbox';
import { AdminSecurity } from './pages/admin/security';
import { AdminSettings } from './pages/admin/settings';
import { CatalogDocumentPage } from './pages/catalog-document';
import { NotFound, RouteError } from './pages/errors';
import { LoginPage } from './pages/login';
import { LoginIdReminderPage } from './pages/login-id-reminder';
import { MypageHome, MypageProfile, MypageSection } from './pages/mypage';
import { MypageSecurity } from './pages/mypage-security';
import { PasswordResetPage } from './pages/password-reset';
import { ProductPage } from './pages/product';
import { ProductsPage } from './pages/products';
import { EmailChangeConfirmPage } from './pages/profile-edit';
import { RegisterConfirmPage, RegisterPage } from './pages/register';
import { StoreHome } from './pages/store';
import { TermsPage } from './pages/terms';

const router = createBrowserRouter([
  {
    path: '/',
    element: <StoreLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <StoreHome /> },
      { path: 'products', element: <ProductsPage /> },
      { path: 'products/:slug', element: <ProductPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'register/confirm', element: <RegisterConfirmPage /> },
      { path: 'login', element: <LoginPage /> },
      { path: 'password-reset', element: <PasswordResetPage /> },
      { path: 'login-id-reminder', element: <LoginIdReminderPage /> },
      { path: 'terms/:kind', element: <TermsPage /> },
      { path: 'documents/:key', element: <CatalogDocumentPage /> },
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
      { path: 'security', element: <MypageSecurity /> },
      { path: 'email-change/confirm', element: <EmailChangeConfirmPage /> },
      { path: '*', element: <NotFound home="/mypage" /> },
    ],
  },
  {
    path: '/admin',
    element: <AdminLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <AdminDashboard /> },
      { path: 'login', element: <AdminLoginPage /> },
      { path: 'mailbox', element: <AdminMailbox /> },
      { path: 'mailbox/:mailId', element: <AdminMailbox /> },
      { path: 'settings', element: <AdminSettings /> },
      { path: 'security', element: <AdminSecurity /> },
      { path: '*', element: <NotFound home="/admin" /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
