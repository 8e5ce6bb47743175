/**
 * A small IATI 1.05 file, hand-written after the 1.05 schema (not real data; fictitious XX-EXAMPLE
 * identifiers): text in the elements themselves, word codes, elements in any order, a date
 * written as text. Read by src/io/iati-read-versions.test.ts and bench/iati-read-1x.ts.
 */
export const IATI_105 = `<?xml version="1.0" encoding="UTF-8"?>
<iati-activities version="1.05" generated-datetime="2014-06-01T00:00:00">
  <iati-activity version="1.05" xml:lang="en" default-currency="USD" last-updated-datetime="2014-05-30T10:00:00">
    <iati-identifier>XX-EXAMPLE-1-SSC-2014-001</iati-identifier>
    <reporting-org ref="XX-EXAMPLE-1" type="10">Example National Coordination Team</reporting-org>
    <title>International training on disaster risk management</title>
    <title xml:lang="id">Pelatihan internasional pengelolaan risiko bencana</title>
    <description type="1">Two-week training for participants from Fiji and Timor-Leste.</description>
    <description type="1" xml:lang="id">Pelatihan dua minggu untuk peserta dari Fiji dan Timor-Leste.</description>
    <description type="2">Better local disaster plans.</description>
    <activity-status code="3">Completion</activity-status>
    <activity-date type="start-planned" iso-date="2014-03-01">March 2014</activity-date>
    <activity-date type="start-actual">2014-03-03</activity-date>
    <activity-date type="end-actual" iso-date="2014-03-14"/>
    <participating-org role="Funding" ref="XX-EXAMPLE-1" type="10">Example Ministry</participating-org>
    <participating-org role="funding" ref="XX-EXAMPLE-2" type="10" xml:lang="fr">Agence partenaire</participating-org>
    <participating-org role="Implementing" ref="XX-EXAMPLE-3" type="10">Example Implementing Agency</participating-org>
    <recipient-country code="FJ" percentage="50">Fiji</recipient-country>
    <recipient-country code="TL" percentage="50">Timor-Leste</recipient-country>
    <sector vocabulary="DAC" code="74020" percentage="100">Multi-hazard response preparedness</sector>
    <sector vocabulary="DAC-3" code="740" percentage="100">Disaster prevention and preparedness</sector>
    <collaboration-type code="1">Bilateral</collaboration-type>
    <default-aid-type code="D02">Other technical assistance</default-aid-type>
    <transaction>
      <value currency="USD" value-date="2014-03-10">142500.50</value>
      <transaction-type code="D">Disbursement</transaction-type>
      <description>Training costs</description>
      <transaction-date iso-date="2014-03-10">10 March 2014</transaction-date>
    </transaction>
    <transaction>
      <transaction-type code="C">Commitment</transaction-type>
      <transaction-date iso-date="2014-01-15"/>
      <value value-date="2014-01-15">150000</value>
    </transaction>
    <budget type="1">
      <period-start iso-date="2014-01-01"/>
      <period-end>2014-12-31</period-end>
      <value currency="USD" value-date="2014-01-01">150000</value>
    </budget>
  </iati-activity>
</iati-activities>
`;
