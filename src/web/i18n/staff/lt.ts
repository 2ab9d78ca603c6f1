// Every catalogue of the staff console in one language: one chunk, loaded when it is needed.
import { lt as translation } from '../lt';
import { lt as contacts } from '../contacts/lt';
import { lt as gifts } from '../gifts/lt';
import { lt as home } from '../home/lt';
import { lt as settings } from '../settings/lt';
import { lt as stewardship } from '../stewardship/lt';

export const bundle = { translation, contacts, gifts, home, settings, stewardship };
