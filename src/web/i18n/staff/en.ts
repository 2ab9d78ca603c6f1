// Every catalogue of the staff console in one language: one chunk, loaded when it is needed.
import { en as translation } from '../en';
import { en as contacts } from '../contacts/en';
import { en as gifts } from '../gifts/en';
import { en as home } from '../home/en';
import { en as settings } from '../settings/en';
import { en as stewardship } from '../stewardship/en';

export const bundle = { translation, contacts, gifts, home, settings, stewardship };
