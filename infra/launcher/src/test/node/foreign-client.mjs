// An agency's system as an integrator would write it, with no code of the backbone's: kafkajs and
// @kafkajs/confluent-schema-registry from the npm registry, speaking only Kafka and the registry's Confluent API.
// Driven by ProductionPathIT (infra/launcher), which passes what to connect to in CONTRACT_TEST (JSON) and
// reads the report this prints as its last line. Synthetic data only.
//
//   1. every subject the registry lists, and one record of every contract type, decoded;
//   2. the reader agency's own feed, every record decoded;
//   3. a ShareInformation encoded under the contract's subject and sent on the sender's inbound topic;
//   4. a schema-valid but invalid one: its ShareRejected read from the sender's feed, and its dead letter decoded
//      with this client's own registry client (the bytes as sent).
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';
import { randomUUID } from 'node:crypto';

const config = JSON.parse(process.env.CONTRACT_TEST);
const registry = new SchemaRegistry({ host: config.registry });
const SHARE_INFORMATION = 'org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation';

function kafkaAs(username, password) {
  return new Kafka({
    clientId: `foreign-${username}`, brokers: config.brokers, logLevel: logLevel.ERROR,
    sasl: { mechanism: 'plain', username, password },
  });
}

/** The record type a value names: the schema its 4-byte id (after the magic byte) points at. */
async function typeOf(value) {
  const schema = await registry.getSchema(value.readInt32BE(1));
  return schema.name;
}

/** Reads `topic` from the beginning as `as` until `done(records)` or `timeoutMs`; each record's raw message. */
async function read(as, group, topic, done, timeoutMs) {
  const consumer = as.consumer({ groupId: group });
  const records = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await new Promise((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      consumer.run({
        eachMessage: async ({ message }) => {
          records.push(message);
          if (done(records)) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

async function decodeAll(messages) {
  const decoded = [];
  const failed = [];
  for (const message of messages) {
    try {
      const value = await registry.decode(message.value);
      decoded.push({ type: await typeOf(message.value), value });
    } catch (e) {
      failed.push(e.message.slice(0, 300));
    }
  }
  return { decoded, failed };
}

function share(requestId, recipient) {
  return {
    requestId,
    sendingAgency: config.sender.agency,
    senderPractitioner: 'A. Officer (synthetic)',
    senderRole: 'Safeguarding officer',
    childNhsNumber: config.child,
    childLocalIds: {},
    relatedPeople: [],
    recipients: [{ agency: recipient, team: null }],
    purpose: 'Sent by a system the backbone did not write, to check its contracts',
    lawfulBasis: 'Children Act 2004 s.11',
    category: 'EXPOSURE_TO_HARM',
    consent: {
      status: 'NOT_SOUGHT', reason: 'Operation Encompass notification',
      safeguardingJustification: 'The child was present during the incident', familyInformed: true,
      familyNotInformedReason: null, reviewFamilyInformedBy: null,
    },
    principles: ['NECESSARY_AND_PROPORTIONATE', 'RELEVANT', 'ADEQUATE', 'ACCURATE', 'TIMELY', 'SECURE']
      .map((principle) => ({ principle, attested: true, reason: null })),
    statements: [{
      text: 'Officers attended the home at 23:40', kind: 'FACT', currency: 'CURRENT', historicalRelevance: null,
      source: 'Incident log', verification: 'VERIFIED', verifiedBy: 'Attending officer',
    }],
    childVoice: {
      wishesAndFeelings: null, whatTheChildSaid: null, circumstances: null, howDisclosed: null,
      notObtainedReason: 'The child was asleep',
    },
    urgency: 'URGENT',
    channel: 'WRITTEN',
    occurredAt: Date.now() - 600_000,
  };
}

const report = {};
const admin = kafkaAs(config.admin.username, config.admin.password);
const reader = kafkaAs(config.reader.agency, config.reader.password);
const sender = kafkaAs(config.sender.agency, config.sender.password);
const run = randomUUID();

// 1. the subjects, and one record of every contract type
const response = await fetch(`${config.registry}/subjects`);
report.subjects = await response.json();
const everyType = await read(admin, `contract-test-${run}`, config.everyTypeTopic,
  (records) => records.length >= config.everyTypeCount, 60_000);
const types = await decodeAll(everyType);
report.everyType = { read: everyType.length, decoded: types.decoded.map((d) => d.type), failed: types.failed };

// 2. the reader's own feed
// (until the records about the child are read: the feed may hold others before them, all decoded too)
const feed = await read(reader, `${config.reader.agency}.contract-test-${run}`,
  `safeguarding.feed.${config.reader.agency}.v1`,
  (records) => records.filter((m) => m.key?.toString() === config.child).length >= config.feedAtLeast, 60_000);
const fromFeed = await decodeAll(feed);
report.feed = { read: feed.length, decoded: fromFeed.decoded.map((d) => d.type), failed: fromFeed.failed };

// 3 and 4. a share sent by Kafka, and one the backbone must refuse
const id = await registry.getLatestSchemaId(SHARE_INFORMATION);
const good = `node-${run}`;
const bad = `node-bad-${run}`;
const producer = sender.producer();
await producer.connect();
await producer.send({
  topic: `safeguarding.inbound.${config.sender.agency}.v1`,
  acks: -1,
  messages: [
    { key: config.child, value: await registry.encode(id, share(good, config.recipient)) },
    { key: config.child, value: await registry.encode(id, share(bad, 'nowhere')) },
  ],
});
await producer.disconnect();
report.sent = { schemaId: id, good, bad };

const answers = await read(sender, `${config.sender.agency}.contract-test-answers-${run}`,
  `safeguarding.feed.${config.sender.agency}.v1`, (records) => records.some((m) => m.value.includes(bad)), 90_000);
const rejections = (await decodeAll(answers)).decoded
  .filter((d) => d.type.endsWith('.ShareRejected') && d.value.requestId === bad);
report.rejection = rejections.length === 0 ? null : { problems: rejections[0].value.problems };

const deadLetters = await read(sender, `${config.sender.agency}.contract-test-dlt-${run}`,
  `safeguarding.inbound.${config.sender.agency}.v1.dlt`,
  (records) => records.some((m) => m.value.includes(bad)), 60_000);
const dead = deadLetters.filter((m) => m.value.includes(bad));
if (dead.length === 0) {
  report.deadLetter = null;
} else {
  const value = await registry.decode(dead[0].value);
  report.deadLetter = {
    schemaId: dead[0].value.readInt32BE(1),
    requestId: value.requestId,
    reason: dead[0].headers['kafka_dlt-exception-message']?.toString(),
  };
}

console.log(JSON.stringify(report));
