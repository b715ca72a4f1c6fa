// Which message groups load with which part of the web app: the store downloads neither My Page's nor the console's.
// A group missing here still works everywhere (it loads with the store's messages); one listed here but shown
// outside its area would show its keys, so keep shared groups (fields, problem, area) out.

/** The parts of the app whose messages load on their own, after the store's. */
export type MessageArea = 'store' | 'mypage' | 'console';

/** Top-level keys of ja.json/en.json shown only in one area; every other key belongs to the store. */
export const areaMessageKeys: Record<Exclude<MessageArea, 'store'>, readonly string[]> = {
  console: ['admin', 'adminLogin', 'catalogEditor', 'orderNumberSettings'],
  // Also read by the console (a member's sign-ins, contracts and orders), which loads these with its own.
  mypage: ['contractChange', 'contracts', 'licences', 'myInvoices', 'mypageSessions', 'orders'],
};

/** The area a top-level message group loads with. */
export function messageAreaOf(key: string): MessageArea {
  if (areaMessageKeys.console.includes(key)) return 'console';
  if (areaMessageKeys.mypage.includes(key)) return 'mypage';
  return 'store';
}
