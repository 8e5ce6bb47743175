/** The public page of the published IATI data. */
export const iati = {
  nav: 'IATI data',
  title: 'Published IATI data',
  intro:
    'Our published programs in the IATI Standard (version 2.03), the files the IATI Registry points to. Each file holds whole activities and stays under the size limit: by year, and a large year in parts.',
  none: 'No IATI data has been published yet.',
  publisher: 'Publisher: {{name}} ({{ref}}).',
  manifest: 'List of files (JSON)',
  caption: 'Published files',
  dataset: 'File',
  holds: 'Holds',
  activities: 'Activities',
  size: 'Size',
  lastUpdated: 'Last updated',
  mb: '{{n}} MB',
  kb: '{{n}} kB',
  kinds: {
    all: 'All activities',
    year: 'Activities of {{year}}',
    yearPart: 'Activities of {{year}}, part {{part}}',
    organisation: 'Organisation file',
    other: 'Activities',
  },
};
