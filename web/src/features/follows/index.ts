/** What other features use of following: the button beside a thing, and the header's link with its unread count. */
export { FollowButton } from './FollowButton';
export { NotificationsLink } from './NotificationsLink';
