// Client routes: the store at / (with registration, sign-in and the inquiry form), My Page at /mypage and the admin console at /admin (with its own sign-in).
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AdminLayout, MypageLayout, StoreLayout } from './layouts/layouts';
import { AdminCatalogDocuments } from './pages/admin/catalog/documents';
import { AdminProductEditor } from './pages/admin/catalog/product-editor';
import { AdminCatalogProducts } from './pages/admin/catalog/products';
import { AdminCatalogProviders } from './pages/admin/catalog/providers';
import { AdminContractPage, AdminContracts } from './pages/admin/contracts';
import { AdminDashboard } from './pages/admin/dashboard';
import { AdminInquiries } from './pages/admin/inquiries';
import { AdminLoginPage } from './pages/admin/login';
import { AdminMailbox } from './pages/admin/mailbox';
import { AdminMemberDetail } from './pages/admin/member/member-detail';
import { AdminMemberWithdrawPage } from './pages/admin/member-withdraw-page';
import { AdminMembers } from './pages/admin/members';
import { AdminOperators } from './pages/admin/operators';
import { AdminOrderPage } from './pages/admin/order-detail';
import { AdminOrders } from './pages/admin/orders';
import { AdminProviderConnectionPage } from './pages/admin/provider-api-keys';
import { AdminProvisioningQueue } from './pages/admin/provisioning-queue';
import { AdminRegistrations } from './pages/admin/registrations';
import { AdminSecurity } from './pages/admin/security';
import { AdminSettings } from './pages/admin/settings';
import { CartPage } from './pages/cart';
import { CatalogDocumentPage } from './pages/catalog-document';
import { CheckoutCompletePage, CheckoutPage } from './pages/checkout';
import { NotFound, RouteError } from './pages/errors';
import { EstimatePrintPage } from './pages/estimate-print';
import { InquiryPage, InquiryReceivedPage } from './pages/inquiry';
import { LoginPage } from './pages/login';
import { LoginIdReminderPage } from './pages/login-id-reminder';
import { MypageHome, MypageProfile, MypageSection } from './pages/mypage';
import { MypageContract, MypageContracts } from './pages/mypage-contracts';
import { MypageInquiries, MypageInquiry } from './pages/mypage-inquiries';
import { MypageOrder, MypageOrders } from './pages/mypage-orders';
import { MypageSecurity } from './pages/mypage-security';
import { MypageWithdraw } from './pages/mypage-withdraw';
import { PasswordResetPage } from './pages/password-reset';
import { ProductPage } from './pages/product';
import { ProductsPage } from './pages/products';
import { EmailChangeConfirmPage } from './pages/profile-edit';
import { RegisterConfirmPage, RegisterPage } from './pages/register';
import { StoreHome } from './pages/store';
import { TermsPage } from './pages/terms';

const router = createBrowserRouter([
  // The printable estimate stands alone: the paper gets the estimate, not the store's header and menus.
  { path: '/products/:slug/estimate', element: <EstimatePrintPage />, errorElement: <RouteError /> },
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
      { path: 'inquiry', element: <InquiryPage /> },
      { path: 'inquiry/received', element: <InquiryReceivedPage /> },
      { path: 'documents/:key', element: <CatalogDocumentPage /> },
      { path: 'cart', element: <CartPage /> },
      { path: 'checkout', element: <CheckoutPage /> },
      { path: 'checkout/complete/:orderId', element: <CheckoutCompletePage /> },
      { path: '*', element: <NotFound home="/" /> },
    ],
  },
  {
    path: '/mypage',
    element: <MypageLayout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <MypageHome /> },
      { path: 'contracts', element: <MypageContracts /> },
      { path: 'contracts/:contractId', element: <MypageContract /> },
      { path: 'orders', element: <MypageOrders /> },
      { path: 'orders/:orderId', element: <MypageOrder /> },
      { path: 'invoices', element: <MypageSection section="invoices" /> },
      { path: 'profile', element: <MypageProfile /> },
      { path: 'security', element: <MypageSecurity /> },
      { path: 'inquiries', element: <MypageInquiries /> },
      { path: 'inquiries/:inquiryId', element: <MypageInquiry /> },
      { path: 'withdraw', element: <MypageWithdraw /> },
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
      { path: 'inquiries', element: <AdminInquiries /> },
      { path: 'inquiries/:inquiryId', element: <AdminInquiries /> },
      { path: 'settings', element: <AdminSettings /> },
      { path: 'registrations', element: <AdminRegistrations /> },
      { path: 'members/:memberId/withdraw', element: <AdminMemberWithdrawPage /> },
      { path: 'security', element: <AdminSecurity /> },
      { path: 'members', element: <AdminMembers /> },
      { path: 'members/:memberId', element: <AdminMemberDetail /> },
      { path: 'operators', element: <AdminOperators /> },
      { path: 'catalog', element: <AdminCatalogProducts /> },
      { path: 'catalog/products/new', element: <AdminProductEditor /> },
      { path: 'catalog/products/:productId', element: <AdminProductEditor /> },
      { path: 'catalog/providers', element: <AdminCatalogProviders /> },
      { path: 'catalog/documents', element: <AdminCatalogDocuments /> },
      { path: 'orders', element: <AdminOrders /> },
      { path: 'orders/:orderId', element: <AdminOrderPage /> },
      { path: 'contracts', element: <AdminContracts /> },
      { path: 'contracts/:contractId', element: <AdminContractPage /> },
      { path: 'provisioning', element: <AdminProvisioningQueue /> },
      { path: 'catalog/providers/:providerId/connection', element: <AdminProviderConnectionPage /> },
      { path: '*', element: <NotFound home="/admin" /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
