// Client routes: the store at / (with registration, sign-in and the inquiry form), My Page at /mypage and the admin console at /admin (with its own sign-in).
// Every layout and page loads on first visit (`lazy`), so each area downloads only its own code: a store
// visitor never loads the console. test/e2e/web-areas.e2e.test.ts checks that against the build manifest.
import type { ComponentType } from 'react';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { NotFound, RouteError } from './components/errors';
import { loadAreaMessages } from './i18n';

/** A route's `lazy`: loads the module on first visit and renders the component it picks. */
function page<M>(load: () => Promise<M>, pick: (module: M) => ComponentType) {
  return async () => ({ Component: pick(await load()) });
}

// Nothing to show until the first area's code arrives; the page paints as soon as it does.
const HydrateFallback = () => null;

const router = createBrowserRouter([
  // The printable estimate stands alone: the paper gets the estimate, not the store's header and menus.
  {
    path: '/products/:slug/estimate',
    lazy: page(
      () => import('./pages/estimate-print'),
      (m) => m.EstimatePrintPage,
    ),
    errorElement: <RouteError />,
    HydrateFallback,
  },
  {
    path: '/',
    lazy: page(
      () => import('./layouts/layouts'),
      (m) => m.StoreLayout,
    ),
    errorElement: <RouteError />,
    HydrateFallback,
    children: [
      {
        index: true,
        lazy: page(
          () => import('./pages/store'),
          (m) => m.StoreHome,
        ),
      },
      {
        path: 'products',
        lazy: page(
          () => import('./pages/products'),
          (m) => m.ProductsPage,
        ),
      },
      {
        path: 'products/:slug',
        lazy: page(
          () => import('./pages/product'),
          (m) => m.ProductPage,
        ),
      },
      {
        path: 'register',
        lazy: page(
          () => import('./pages/register'),
          (m) => m.RegisterPage,
        ),
      },
      {
        path: 'register/confirm',
        lazy: page(
          () => import('./pages/register'),
          (m) => m.RegisterConfirmPage,
        ),
      },
      {
        path: 'login',
        lazy: page(
          () => import('./pages/login'),
          (m) => m.LoginPage,
        ),
      },
      {
        path: 'password-reset',
        lazy: page(
          () => import('./pages/password-reset'),
          (m) => m.PasswordResetPage,
        ),
      },
      {
        path: 'login-id-reminder',
        lazy: page(
          () => import('./pages/login-id-reminder'),
          (m) => m.LoginIdReminderPage,
        ),
      },
      {
        path: 'terms/:kind',
        lazy: page(
          () => import('./pages/terms'),
          (m) => m.TermsPage,
        ),
      },
      {
        path: 'inquiry',
        lazy: page(
          () => import('./pages/inquiry'),
          (m) => m.InquiryPage,
        ),
      },
      {
        path: 'inquiry/received',
        lazy: page(
          () => import('./pages/inquiry'),
          (m) => m.InquiryReceivedPage,
        ),
      },
      {
        path: 'documents/:key',
        lazy: page(
          () => import('./pages/catalog-document'),
          (m) => m.CatalogDocumentPage,
        ),
      },
      {
        path: 'cart',
        lazy: page(
          () => import('./pages/cart'),
          (m) => m.CartPage,
        ),
      },
      {
        path: 'checkout',
        lazy: page(
          () => import('./pages/checkout'),
          (m) => m.CheckoutPage,
        ),
      },
      {
        path: 'checkout/complete/:orderId',
        lazy: page(
          () => import('./pages/checkout'),
          (m) => m.CheckoutCompletePage,
        ),
      },
      { path: '*', element: <NotFound home="/" /> },
    ],
  },
  {
    path: '/mypage',
    // My Page's messages come with its layout: a store visitor never downloads them.
    lazy: async () => {
      const [{ MypageLayout }] = await Promise.all([import('./layouts/layouts'), loadAreaMessages('mypage')]);
      return { Component: MypageLayout };
    },
    errorElement: <RouteError />,
    HydrateFallback,
    children: [
      {
        index: true,
        lazy: page(
          () => import('./pages/mypage'),
          (m) => m.MypageHome,
        ),
      },
      {
        path: 'contracts',
        lazy: page(
          () => import('./pages/mypage-contracts'),
          (m) => m.MypageContracts,
        ),
      },
      {
        path: 'contracts/:contractId',
        lazy: page(
          () => import('./pages/mypage-contracts'),
          (m) => m.MypageContract,
        ),
      },
      {
        path: 'contracts/:contractId/change',
        lazy: page(
          () => import('./pages/mypage-contract-change'),
          (m) => m.MypageContractChange,
        ),
      },
      {
        path: 'orders',
        lazy: page(
          () => import('./pages/mypage-orders'),
          (m) => m.MypageOrders,
        ),
      },
      {
        path: 'orders/:orderId',
        lazy: page(
          () => import('./pages/mypage-orders'),
          (m) => m.MypageOrder,
        ),
      },
      {
        path: 'invoices',
        lazy: page(
          () => import('./pages/mypage-invoices'),
          (m) => m.MypageInvoices,
        ),
      },
      {
        path: 'invoices/:invoiceId',
        lazy: page(
          () => import('./pages/mypage-invoices'),
          (m) => m.MypageInvoice,
        ),
      },
      {
        path: 'licences',
        lazy: page(
          () => import('./pages/mypage-licences'),
          (m) => m.MypageLicences,
        ),
      },
      {
        path: 'profile',
        lazy: page(
          () => import('./pages/profile-edit'),
          (m) => m.MypageProfile,
        ),
      },
      {
        path: 'security',
        lazy: page(
          () => import('./pages/mypage-security'),
          (m) => m.MypageSecurity,
        ),
      },
      {
        path: 'inquiries',
        lazy: page(
          () => import('./pages/mypage-inquiries'),
          (m) => m.MypageInquiries,
        ),
      },
      {
        path: 'inquiries/:inquiryId',
        lazy: page(
          () => import('./pages/mypage-inquiries'),
          (m) => m.MypageInquiry,
        ),
      },
      {
        path: 'withdraw',
        lazy: page(
          () => import('./pages/mypage-withdraw'),
          (m) => m.MypageWithdraw,
        ),
      },
      {
        path: 'email-change/confirm',
        lazy: page(
          () => import('./pages/profile-edit'),
          (m) => m.EmailChangeConfirmPage,
        ),
      },
      { path: '*', element: <NotFound home="/mypage" /> },
    ],
  },
  {
    path: '/admin',
    // The console's messages come with its layout: the store never downloads them. It shows members' contracts,
    // orders and sign-ins too, so My Page's messages come along.
    lazy: async () => {
      const [{ AdminLayout }] = await Promise.all([
        import('./layouts/admin-layout'),
        loadAreaMessages('console', 'mypage'),
      ]);
      return { Component: AdminLayout };
    },
    errorElement: <RouteError />,
    HydrateFallback,
    children: [
      {
        index: true,
        lazy: page(
          () => import('./pages/admin/dashboard'),
          (m) => m.AdminDashboard,
        ),
      },
      {
        path: 'login',
        lazy: page(
          () => import('./pages/admin/login'),
          (m) => m.AdminLoginPage,
        ),
      },
      {
        path: 'mailbox',
        lazy: page(
          () => import('./pages/admin/mailbox'),
          (m) => m.AdminMailbox,
        ),
      },
      {
        path: 'deliveries',
        lazy: page(
          () => import('./pages/admin/deliveries'),
          (m) => m.AdminDeliveries,
        ),
      },
      {
        path: 'mailbox/:mailId',
        lazy: page(
          () => import('./pages/admin/mailbox'),
          (m) => m.AdminMailbox,
        ),
      },
      {
        path: 'inquiries',
        lazy: page(
          () => import('./pages/admin/inquiries'),
          (m) => m.AdminInquiries,
        ),
      },
      {
        path: 'inquiries/:inquiryId',
        lazy: page(
          () => import('./pages/admin/inquiries'),
          (m) => m.AdminInquiries,
        ),
      },
      {
        path: 'settings',
        lazy: page(
          () => import('./pages/admin/settings'),
          (m) => m.AdminSettings,
        ),
      },
      {
        path: 'registrations',
        lazy: page(
          () => import('./pages/admin/registrations'),
          (m) => m.AdminRegistrations,
        ),
      },
      {
        path: 'members/:memberId/withdraw',
        lazy: page(
          () => import('./pages/admin/member-withdraw-page'),
          (m) => m.AdminMemberWithdrawPage,
        ),
      },
      {
        path: 'security',
        lazy: page(
          () => import('./pages/admin/security'),
          (m) => m.AdminSecurity,
        ),
      },
      {
        path: 'members',
        lazy: page(
          () => import('./pages/admin/members'),
          (m) => m.AdminMembers,
        ),
      },
      {
        path: 'members/:memberId',
        lazy: page(
          () => import('./pages/admin/member/member-detail'),
          (m) => m.AdminMemberDetail,
        ),
      },
      {
        path: 'operators',
        lazy: page(
          () => import('./pages/admin/operators'),
          (m) => m.AdminOperators,
        ),
      },
      {
        path: 'catalog',
        lazy: page(
          () => import('./pages/admin/catalog/products'),
          (m) => m.AdminCatalogProducts,
        ),
      },
      {
        path: 'catalog/products/new',
        lazy: page(
          () => import('./pages/admin/catalog/product-editor'),
          (m) => m.AdminProductEditor,
        ),
      },
      {
        path: 'catalog/products/:productId',
        lazy: page(
          () => import('./pages/admin/catalog/product-editor'),
          (m) => m.AdminProductEditor,
        ),
      },
      {
        path: 'catalog/providers',
        lazy: page(
          () => import('./pages/admin/catalog/providers'),
          (m) => m.AdminCatalogProviders,
        ),
      },
      {
        path: 'catalog/documents',
        lazy: page(
          () => import('./pages/admin/catalog/documents'),
          (m) => m.AdminCatalogDocuments,
        ),
      },
      {
        path: 'orders',
        lazy: page(
          () => import('./pages/admin/orders'),
          (m) => m.AdminOrders,
        ),
      },
      {
        path: 'orders/:orderId',
        lazy: page(
          () => import('./pages/admin/order-detail'),
          (m) => m.AdminOrderPage,
        ),
      },
      {
        path: 'contracts',
        lazy: page(
          () => import('./pages/admin/contracts'),
          (m) => m.AdminContracts,
        ),
      },
      {
        path: 'contracts/:contractId',
        lazy: page(
          () => import('./pages/admin/contracts'),
          (m) => m.AdminContractPage,
        ),
      },
      {
        path: 'licences',
        lazy: page(
          () => import('./pages/admin/licences'),
          (m) => m.AdminLicences,
        ),
      },
      {
        path: 'licences/:licenceId',
        lazy: page(
          () => import('./pages/admin/licences'),
          (m) => m.AdminLicencePage,
        ),
      },
      {
        path: 'billing-calendar',
        lazy: page(
          () => import('./pages/admin/billing-calendar'),
          (m) => m.AdminBillingCalendar,
        ),
      },
      {
        path: 'billing/runs',
        lazy: page(
          () => import('./pages/admin/billing/billing-runs'),
          (m) => m.AdminBillingRuns,
        ),
      },
      {
        path: 'billing/invoices',
        lazy: page(
          () => import('./pages/admin/billing/invoices'),
          (m) => m.AdminInvoices,
        ),
      },
      {
        path: 'billing/invoices/:invoiceId',
        lazy: page(
          () => import('./pages/admin/billing/invoices'),
          (m) => m.AdminInvoicePage,
        ),
      },
      {
        path: 'billing/members/:memberId/ledger',
        lazy: page(
          () => import('./pages/admin/billing/member-ledger'),
          (m) => m.AdminMemberLedger,
        ),
      },
      {
        path: 'billing/documents',
        lazy: page(
          () => import('./pages/admin/billing/billing-documents'),
          (m) => m.AdminBillingDocuments,
        ),
      },
      {
        path: 'contract-requests',
        lazy: page(
          () => import('./pages/admin/contract-requests'),
          (m) => m.AdminContractRequests,
        ),
      },
      {
        path: 'provisioning',
        lazy: page(
          () => import('./pages/admin/provisioning-queue'),
          (m) => m.AdminProvisioningQueue,
        ),
      },
      {
        path: 'catalog/providers/:providerId/connection',
        lazy: page(
          () => import('./pages/admin/provider-api-keys'),
          (m) => m.AdminProviderConnectionPage,
        ),
      },
      { path: '*', element: <NotFound home="/admin" /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
