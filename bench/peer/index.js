// The peer: ConcernBot's guided concern conversation written the usual way with the official Bot Framework SDK for
// JavaScript (botbuilder + botbuilder-dialogs 4.23.3): a waterfall of prompts, ConversationState on MemoryStorage,
// CloudAdapter with no app id (no inbound token check, replies sent to the serviceUrl without a token, like
// ConcernBot's local mode). The benchmark drives it with the same 19 turns, typed as a Teams user would.
'use strict';
const http = require('http');
const {
  CloudAdapter, ConfigurationBotFrameworkAuthentication, ConversationState, MemoryStorage, ActivityHandler, MessageFactory,
} = require('botbuilder');
const {
  DialogSet, DialogTurnStatus, WaterfallDialog, ChoicePrompt, TextPrompt, ListStyle,
} = require('botbuilder-dialogs');

const port = Number(process.env.PORT || 3979);
const storage = new MemoryStorage();
const conversationState = new ConversationState(storage);
const dialogState = conversationState.createProperty('dialogState');
const dialogs = new DialogSet(dialogState);

const yesNo = ['Yes', 'No', "I don't know"];
const choice = (id, question, choices) => ({ kind: 'choice', id, question, choices });
const text = (id, question) => ({ kind: 'text', id, question });

// The same questions, in the same order, as ConcernBot's staff path.
const questions = [
  choice('danger', 'Is anyone in immediate danger right now?', ['Yes', 'No', 'Not sure']),
  choice('role', 'Which of these best describes you?', ['Member of staff or volunteer', 'Someone who uses the service', 'Family member or friend', 'Prefer not to say']),
  choice('atRisk', 'Who is at risk?', ['A child', 'An adult at risk', 'Me', 'A member of staff', 'More than one person', "I don't know"]),
  text('who', 'Who is the person at risk? A name or a description is fine.'),
  text('happened', 'Please tell me what happened, in your own words.'),
  text('when', 'When did it happen?'),
  text('where', 'Where did it happen?'),
  choice('ongoing', 'Is it still happening?', yesNo),
  text('harm', 'What kind of harm might this be? (Physical, Emotional, Sexual, Neglect, Financial, Discriminatory, Organisational, Self-neglect, Domestic abuse, Modern slavery, Not sure)'),
  choice('about', 'Is the concern about someone who works here?', ['A member of staff', 'A volunteer', 'A safeguarding lead', 'No', "I don't know"]),
  choice('knows', 'Does the person know you are raising this concern?', yesNo),
  choice('asked', 'Were they asked what they would like to happen?', ['Asked, and they said', 'Asked, nothing expressed', 'Not asked', "I don't know"]),
  text('reporterWants', 'What would you like to happen?'),
  choice('involved', 'Would the person like anyone else to be involved?', yesNo),
  choice('consent', 'Has the person agreed to this being shared with the safeguarding lead?', ['Yes', 'No', 'Not asked', 'Cannot be asked']),
  text('evidence', 'What has been done so far to keep people safe? Please keep any evidence as it is.'),
  choice('known', 'How would you like to be known?', ['Named', 'Confidential', 'Anonymous']),
];

const steps = [];
questions.forEach((q, i) => {
  steps.push(async (step) => {
    if (i > 0) {
      const previous = questions[i - 1];
      step.values[previous.id] = previous.kind === 'choice' ? step.result.value : step.result;
    } else {
      await step.context.sendActivity('Thank you for reaching out. You are doing the right thing.');
    }
    return q.kind === 'choice'
      ? step.prompt('choice', { prompt: q.question, choices: q.choices, style: ListStyle.heroCard })
      : step.prompt('text', q.question);
  });
});
steps.push(async (step) => {
  const last = questions[questions.length - 1];
  step.values[last.id] = step.result.value;
  const summary = questions.map((q) => `**${q.question}** ${step.values[q.id]}`).join('\n\n');
  await step.context.sendActivity(MessageFactory.text(`Please check your concern before you send it.\n\n${summary}`));
  return step.prompt('choice', { prompt: 'Ready to send it?', choices: ['Submit', 'Change something'], style: ListStyle.heroCard });
});
steps.push(async (step) => {
  const reference = newReference();
  const concern = { reference, receivedAt: new Date().toISOString(), ...step.values };
  await storage.write({ [`concern/${reference}`]: concern });
  await step.context.sendActivity(`Thank you. Your concern has been sent to the safeguarding leads. Your reference is ${reference}.`);
  return step.endDialog();
});

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
