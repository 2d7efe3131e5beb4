// The peer: ConcernBot's guided concern conversation written the usual way with the official Bot Framework SDK for
// JavaScript (botbuilder + botbuilder-dialogs 4.23.3): a waterfall of prompts, ConversationState on MemoryStorage (or,
// with PEER_STORAGE=blobs, on Azure Blob Storage through botbuilder-azure-blobs: the durable peer), CloudAdapter with
// no app id (no inbound token check, replies sent to the serviceUrl without a token, like ConcernBot's local mode).
// Like ConcernBot's, some questions are asked together on one card (an Adaptive Card whose Continue sends every input);
// a typed answer there answers the first question and the others are asked one at a time. The benchmark drives it
// through the same walks: 14 turns pressing the cards, 19 typed.
'use strict';
const http = require('http');
const {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, ActivityHandler, MessageFactory, CardFactory,
} = require('botbuilder');
const {
  DialogSet, DialogTurnStatus, WaterfallDialog, ChoicePrompt, TextPrompt, ListStyle,
} = require('botbuilder-dialogs');

const port = Number(process.env.PORT || 3979);

function createStorage() {
  if (process.env.PEER_STORAGE === 'blobs') {
    const { BlobsStorage } = require('botbuilder-azure-blobs');
    return new BlobsStorage(process.env.PEER_BLOB_CONNECTION_STRING, process.env.PEER_BLOB_CONTAINER || 'peer-state');
  }
  return new MemoryStorage();
}

const storage = createStorage();
const conversationState = new ConversationState(storage);
const dialogState = conversationState.createProperty('dialogState');
const dialogs = new DialogSet(dialogState);

const yesNo = ['Yes', 'No', "I don't know"];
const choice = (id, question, choices) => ({ kind: 'choice', id, question, choices });
const text = (id, question) => ({ kind: 'text', id, question });

// The same questions, in the same order, as ConcernBot's staff path; `together` marks a card of several questions.
const questions = [
  choice('danger', 'Is anyone in immediate danger right now?', ['Yes', 'No', 'Not sure']),
  choice('role', 'Which of these best describes you?', ['Member of staff or volunteer', 'Someone who uses the service', 'Family member or friend', 'Prefer not to say']),
  choice('atRisk', 'Who are you worried about?', ['A child', 'An adult at risk', 'Me', 'A member of staff', 'More than one person', "I don't know"]),
  text('who', 'Who is it? A name or a few words to describe them is enough.'),
  text('happened', 'What happened? Please tell me in your own words.'),
  { ...text('when', 'When did it happen?'), together: { question: 'When and where did it happen?', ids: ['when', 'where', 'ongoing'] } },
  text('where', 'Where did it happen?'),
  choice('ongoing', 'Is it still happening?', yesNo),
  { ...text('harm', 'What kind of harm do you think it might be? (Physical, Emotional, Sexual, Neglect, Financial, Discriminatory, Organisational, Self-neglect, Domestic abuse, Modern slavery, Not sure)'),
    together: { question: 'What kind of harm might it be, and who is it about?', ids: ['harm', 'about'] } },
  choice('about', 'Is your concern about someone who works or volunteers here?', ['A member of staff', 'A volunteer', 'A safeguarding lead', 'No', "I don't know"]),
  { ...choice('knows', 'Does the person at risk know you are raising this concern?', yesNo),
    together: { question: 'What does the person at risk know, and have they been asked what they want?', ids: ['knows', 'asked'] } },
  choice('asked', 'Has anyone asked the person what they would like to happen?', ['Asked, and they said', 'Asked, nothing expressed', 'Not asked', "I don't know"]),
  { ...text('reporterWants', 'What would you like to happen?'), together: { question: 'What should happen next?', ids: ['reporterWants', 'involved'] } },
  text('involved', 'Is there anyone the person would like to be involved, like a family member, friend or advocate?'),
  choice('consent', 'Has the person agreed to this being shared with people who can help?', ['Yes', 'No', 'Not asked', 'Cannot be asked']),
  text('evidence', 'Has anything been done already to keep people safe? Please keep any evidence as it is.'),
  choice('known', 'How would you like to be known?', ['Named', 'Confidential', 'Anonymous']),
];
const byId = Object.fromEntries(questions.map((q) => [q.id, q]));

// The card of a group of questions: one labelled input each, and Continue (Action.Submit) sending them all.
function togetherCard(group) {
  const body = [{ type: 'TextBlock', text: group.question, wrap: true, weight: 'Bolder' },
    { type: 'TextBlock', text: 'Fill in the boxes and press Continue. Or type your answer to the first question.', wrap: true }];
  for (const id of group.ids) {
    const q = byId[id];
    body.push({ type: 'TextBlock', text: q.question, wrap: true });
    body.push(q.kind === 'choice'
      ? { type: 'Input.ChoiceSet', id, style: 'expanded', choices: q.choices.map((c) => ({ title: c, value: c })) }
      : { type: 'Input.Text', id, isMultiline: false });
  }
  return CardFactory.adaptiveCard({
    type: 'AdaptiveCard', version: '1.5', body, actions: [{ type: 'Action.Submit', title: 'Continue', data: { verb: 'peer.together' } }],
  });
}

const cardFields = (activity) => (activity.value && typeof activity.value === 'object' && activity.value.verb === 'peer.together' ? activity.value : null);

// A prompt that takes its own answer typed, or the card's inputs (for the first question of a group).
const acceptCard = async (prompt) => prompt.recognized.succeeded || cardFields(prompt.context.activity) !== null;

function keep(step, q) {
  const fields = q.together && cardFields(step.context.activity);
  if (fields) {
    for (const id of q.together.ids) step.values[id] = fields[id] || "I don't know";
  } else {
    step.values[q.id] = q.kind === 'choice' ? step.result.value : step.result;
  }
}

function ask(step, q) {
  if (step.values[q.id] !== undefined) return step.next(); // answered on the card with the others
  step.values._prompted = q.id;
  if (q.together) {
    const card = MessageFactory.attachment(togetherCard(q.together));
    return q.kind === 'choice'
      ? step.prompt('choice-or-card', { prompt: card, choices: q.choices, style: ListStyle.none })
      : step.prompt('text-or-card', { prompt: card });
  }
  return q.kind === 'choice'
    ? step.prompt('choice', { prompt: q.question, choices: q.choices, style: ListStyle.heroCard })
    : step.prompt('text', q.question);
}

const steps = [];
questions.forEach((q, i) => {
  steps.push(async (step) => {
    if (i > 0) {
      const previous = questions[i - 1];
      if (step.values._prompted === previous.id) keep(step, previous);
    } else {
      await step.context.sendActivity('Thank you for reaching out. You are doing the right thing.');
    }
    return ask(step, q);
  });
});
steps.push(async (step) => {
  const last = questions[questions.length - 1];
  keep(step, last);
  const summary = questions.map((q) => `**${q.question}** ${step.values[q.id]}`).join('\n\n');
  await step.context.sendActivity(MessageFactory.text(`Please check your concern before you send it.\n\n${summary}`));
  return step.prompt('choice', { prompt: 'Ready to send it?', choices: ['Submit', 'Change something'], style: ListStyle.heroCard });
});
steps.push(async (step) => {
  const reference = newReference();
  const { _prompted, ...answers } = step.values;
  const concern = { reference, receivedAt: new Date().toISOString(), ...answers };
  await storage.write({ [`concern/${reference}`]: concern });
  await step.context.sendActivity(`Thank you. Your concern has been sent to the safeguarding leads. Your reference is ${reference}.`);
  return step.endDialog();
});

dialogs.add(new ChoicePrompt('choice-or-card', acceptCard));
dialogs.add(new TextPrompt('text-or-card', acceptCard));
dialogs.add(new ChoicePrompt('choice'));
dialogs.add(new TextPrompt('text'));
dialogs.add(new WaterfallDialog('intake', steps));

const alphabet = '234679ACDEFGHJKMNPQRTUVWXYZ';
function newReference() {
  const pick = () => alphabet[Math.floor(Math.random() * alphabet.length)];
  return `SG-${pick()}${pick()}${pick()}-${pick()}${pick()}${pick()}`;
}

class PeerBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const dc = await dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) {
        if (/raise a concern/i.test(context.activity.text || '')) {
          await dc.beginDialog('intake');
        } else {
          await context.sendActivity('Say "raise a concern" to start.');
        }
      }
      await next();
    });
  }

  async run(context) {
    await super.run(context);
    await conversationState.saveChanges(context, false);
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(`turn failed: ${error && error.message}`);
};
const bot = new PeerBot();

// Node's own http server, with the small request/response shape CloudAdapter.process expects (as restify gives it).
const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/healthz') {
    res.end('ok');
    return;
  }
  if (req.method === 'GET' && req.url === '/_bench/memory') {
    if (global.gc) global.gc();
    const m = process.memoryUsage();
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ rss: m.rss, heapUsed: m.heapUsed }));
    return;
  }
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    let body;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }
    const request = { body, headers: req.headers, method: req.method };
    const response = {
      socket: req.socket,
      status(code) { res.statusCode = code; },
      header(name, value) { res.setHeader(name, value); },
      send(payload) {
        if (payload === undefined) return;
        if (typeof payload === 'object' && !Buffer.isBuffer(payload)) {
          res.setHeader('content-type', 'application/json');
          res.write(JSON.stringify(payload));
        } else {
          res.write(payload);
        }
      },
      end() { res.end(); },
    };
    adapter.process(request, response, (context) => bot.run(context)).catch((err) => {
      console.error(`process failed: ${err && err.message}`);
      if (!res.writableEnded) {
        res.statusCode = 500;
        res.end();
      }
    });
  });
});
server.keepAliveTimeout = 60000;
server.listen(port, '127.0.0.1', () => console.log(`peer listening on http://127.0.0.1:${port}/api/messages`));
