// Every catalogue of the staff console in one language: one chunk, loaded when it is needed.
import { es as translation } from '../es';
import { es as contacts } from '../contacts/es';
import { es as gifts } from '../gifts/es';
import { es as home } from '../home/es';
import { es as settings } from '../settings/es';
import { es as stewardship } from '../stewardship/es';

export const bundle = { translation, contacts, gifts, home, settings, stewardship };
