// The contacts area's pages, loaded together as one chunk the first time one is opened.
export { ContactsList } from './ContactsList';
export { ContactPage } from './ContactPage';
export { EditContact, NewContact } from './ContactForm';
export { LogCall } from './LogCall';
