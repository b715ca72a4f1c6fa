// The 47 prefectures for the address forms, from the rules the API checks them by.
export { prefectures } from '../../../src/domain/forms/prefectures';
