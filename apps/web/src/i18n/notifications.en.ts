import type { Translation } from './uk';

/** English strings of the in-app notifications; the type makes its keys match notifications.uk.ts. */
export const notificationsEn: Translation['notifications'] = {
  title: 'Notifications',
  description: 'What happened that concerns you, newest first.',
  bell: 'Notifications',
  bellUnread_one: 'Notifications: {{count}} unread',
  bellUnread_few: 'Notifications: {{count}} unread',
  bellUnread_many: 'Notifications: {{count}} unread',
  bellUnread_other: 'Notifications: {{count}} unread',
  unreadCount_one: 'Unread: {{count}}',
  unreadCount_few: 'Unread: {{count}}',
  unreadCount_many: 'Unread: {{count}}',
  unreadCount_other: 'Unread: {{count}}',
  markAllRead: 'Mark all read',
  markingAllRead: 'Marking…',
  markRead: 'Read',
  unread: 'New',
  empty: 'No notifications.',
  list: 'Notifications',
  kind: {
    request_awaits_approval: 'Request {{requestNumber}} awaits your approval',
    request_approved: 'Request {{requestNumber}} was approved',
    request_rejected: 'Request {{requestNumber}} was rejected',
    request_delivered: 'Request {{requestNumber}} was delivered',
    job_parts_ready: 'Every part for repair job {{jobNumber}} has been delivered',
    sign_off_requested: 'You are asked to sign off the quality check of repair job {{jobNumber}}',
    report_awaits_approval: 'The report for {{partnerCode}}, {{period}} awaits your approval',
    report_published: 'The report for {{partnerCode}}, {{period}} was published',
    cohort_starting: 'Cohort {{cohortCode}} starts on {{startsOn}}',
  },
};
