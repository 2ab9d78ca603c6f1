// The gifts area's pages, loaded together as one chunk the first time one is opened.
export { Donations } from './Donations';
export { GiftPage } from './GiftPage';
export { GiftsList } from './GiftsList';
export { RecordGift } from './RecordGift';
export { ThanksQueue } from './ThanksQueue';
