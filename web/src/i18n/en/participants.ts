/** A program's participants entered one by one on its page: the form, the row menu, removal and the upload's scope. */
export const participants = {
  add: 'Add participant',
  form: {
    addTitle: 'Add a participant',
    editTitle: 'Change {{name}}',
    fullName: 'Full name',
    sex: 'Sex',
    country: 'Country',
    countryHint: 'One of the program’s recipient countries.',
    chooseCountry: 'Choose a country…',
    organisation: 'Organisation',
    position: 'Position',
    email: 'Email',
    status: 'Status',
    consentTitle: 'Consent',
    consentText:
      'The participant agrees that Mitra keeps the data given here (name, sex, country, organisation, position and email) to run the program, to report on it and to follow up afterwards; that the implementing agency and the coordination team see them; and that they may ask for their data to be erased.',
    consentLater:
      'No consent is recorded for this person (an imported or earlier record). Tick the box if they have now agreed that Mitra keeps their data to run the program, report on it and follow up, and that they may ask for its erasure.',
    consent: 'The participant has given this consent.',
    consentRecorded: 'Consent recorded on {{date}}.',
    consentRequired: 'The participant must consent to the processing of their data.',
    duplicate: 'This person is already a participant of this program.',
    emailInvalid: 'Enter an email address such as name@example.org.',
    add: 'Add participant',
    save: 'Save changes',
    saving: 'Saving…',
  },
  menu: {
    label: 'More actions for {{name}}',
    edit: 'Edit',
    remove: 'Remove',
  },
  remove: {
    title: 'Remove {{name}} from this program?',
    explain:
      'The record and its place in the program’s figures are removed. This cannot be undone here; the audit log keeps what the record held. To keep the record but erase the person’s data, use “Erase personal data” instead.',
    confirm: 'Remove participant',
  },
  importScope:
    'Your agency uploads the participants of its own programs: each row names one of them in activity_identifier. A row naming another organisation’s program is refused, and with it the whole file.',
};
