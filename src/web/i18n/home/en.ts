/** English texts of the staff console's home pages (namespace `home`): the reference. */
export const en = {
  nav: 'Home',
  greeting: {
    morning: 'Good morning, {{name}}',
    afternoon: 'Good afternoon, {{name}}',
    evening: 'Good evening, {{name}}',
  },
  loading: 'Loading…',
  failed: 'This could not be loaded: {{message}}',
  queue: { title: 'The queue at a glance' },
  lines: {
    title: 'Lines waiting for a first response',
    intro:
      'Like a bank opening another counter when three people queue: when a line reaches its threshold, someone should step in.',
    waiting_one: '{{count}} request waiting',
    waiting_few: '{{count}} requests waiting',
    waiting_many: '{{count}} requests waiting',
    waiting_other: '{{count}} requests waiting',
    threshold: 'Threshold: {{count}}',
    meter: '{{team}}: {{waiting}} waiting, threshold {{threshold}}',
    over: 'Over the threshold',
    overFor: 'Over the threshold for {{time}}',
    within: 'Within the threshold',
    past: '{{time}} over the threshold in the last {{days}} days',
    neverOver: 'Never over the threshold in the last {{days}} days',
    none: 'No teams have been set up yet.',
    open: 'See the requests',
  },
  promises: {
    title: 'Promises kept today',
    kept_one: '{{kept}} of {{count}} promise kept',
    kept_few: '{{kept}} of {{count}} promises kept',
    kept_many: '{{kept}} of {{count}} promises kept',
    kept_other: '{{kept}} of {{count}} promises kept',
    none: 'No promise has come due today yet.',
    byTarget: 'By promise',
    broken: 'See the broken promises',
    dueSoon: 'See what is due soon',
  },
};

/** The shape every language's `home` catalogue has. */
export type HomeCatalogue = typeof en;
