/**
 * Natural task phrasings, as an agent or a user would write them, each with the tool(s) that
 * should answer it. Used by test/engine/search-quality.test.ts and reusable by bench/report
 * scripts. A case is a hit when any expected slug is ranked at the position measured.
 */
export interface SearchQualityCase {
  query: string;
  expected: readonly string[];
}

export const SEARCH_QUALITY_SET: readonly SearchQualityCase[] = [
  // GitHub
  { query: 'open a bug in our repo about the login page crash', expected: ['GITHUB_CREATE_AN_ISSUE'] },
  { query: 'show me the open issues in the frontend repository', expected: ['GITHUB_LIST_REPOSITORY_ISSUES'] },
  { query: 'who am I on github', expected: ['GITHUB_GET_THE_AUTHENTICATED_USER'] },
  { query: 'create a pull request from feature/login into main', expected: ['GITHUB_CREATE_A_PULL_REQUEST'] },
  { query: 'merge PR #42 with squash', expected: ['GITHUB_MERGE_A_PULL_REQUEST'] },
  { query: 'leave a comment on github issue 17 saying it is fixed', expected: ['GITHUB_CREATE_AN_ISSUE_COMMENT'] },
  { query: 'list all my github repositories', expected: ['GITHUB_LIST_REPOSITORIES_FOR_THE_AUTHENTICATED_USER'] },
  { query: 'read the README file of octocat/hello-world', expected: ['GITHUB_GET_REPOSITORY_CONTENT'] },
  { query: 'close the github issue about the flaky test', expected: ['GITHUB_UPDATE_AN_ISSUE'] },
  { query: 'what were the recent commits on main', expected: ['GITHUB_LIST_COMMITS'] },
  // Gmail
  { query: 'email the quarterly report to alice@example.com', expected: ['GMAIL_SEND_EMAIL'] },
  { query: 'check my inbox for unread emails from Bob', expected: ['GMAIL_FETCH_EMAILS'] },
  { query: 'draft a reply to the client but do not send it yet', expected: ['GMAIL_CREATE_EMAIL_DRAFT'] },
  { query: 'reply to the thread from the recruiter', expected: ['GMAIL_REPLY_TO_THREAD'] },
  { query: 'delete that spam email', expected: ['GMAIL_MOVE_TO_TRASH'] },
  { query: 'mark the email as read and star it', expected: ['GMAIL_ADD_LABEL_TO_EMAIL'] },
  { query: 'what is Carol\'s email address in my contacts', expected: ['GMAIL_GET_CONTACTS'] },
  // Slack
  { query: 'post an update in the #general channel', expected: ['SLACK_SEND_MESSAGE'] },
  { query: 'send a slack message to the team that the deploy is done', expected: ['SLACK_SEND_MESSAGE'] },
  { query: 'DM Dave on slack', expected: ['SLACK_OPEN_DM', 'SLACK_SEND_MESSAGE'] },
  { query: 'what did people say in #engineering today', expected: ['SLACK_FETCH_CONVERSATION_HISTORY'] },
  { query: 'make a new slack channel for the launch', expected: ['SLACK_CREATE_CHANNEL'] },
  { query: 'react with a thumbs up emoji to that message', expected: ['SLACK_ADD_REACTION_TO_AN_ITEM', 'DISCORD_ADD_MY_MESSAGE_REACTION'] },
  { query: 'find the slack user with email jane@acme.io', expected: ['SLACK_FIND_USER_BY_EMAIL_ADDRESS'] },
  { query: 'remind the channel about the retro tomorrow at 9am with a scheduled message', expected: ['SLACK_SCHEDULE_MESSAGE'] },
  // Notion
  { query: 'write meeting notes into a new notion page', expected: ['NOTION_CREATE_NOTION_PAGE'] },
  { query: 'find the onboarding doc in notion', expected: ['NOTION_SEARCH_NOTION_PAGE'] },
  { query: 'add a row to the content calendar database', expected: ['NOTION_INSERT_ROW_DATABASE'] },
  { query: 'append a to-do list to the project page', expected: ['NOTION_ADD_PAGE_CONTENT'] },
  // Linear / Jira / Asana
  { query: 'file a linear ticket for the checkout bug with high priority', expected: ['LINEAR_CREATE_LINEAR_ISSUE'] },
  { query: 'what linear issues are assigned to me', expected: ['LINEAR_LIST_LINEAR_ISSUES'] },
  { query: 'create a jira story in project PROJ for the new signup flow', expected: ['JIRA_CREATE_ISSUE'] },
  { query: 'move PROJ-123 to Done', expected: ['JIRA_TRANSITION_ISSUE'] },
  { query: 'search jira for open bugs using JQL', expected: ['JIRA_SEARCH_FOR_ISSUES_USING_JQL'] },
  { query: 'add a task in asana to prepare the launch checklist due friday', expected: ['ASANA_CREATE_A_TASK'] },
  { query: 'list the tasks in our asana marketing project', expected: ['ASANA_GET_TASKS_FROM_A_PROJECT'] },
  // Google Calendar
  { query: 'what meetings do I have tomorrow', expected: ['GOOGLECALENDAR_FIND_EVENT', 'GOOGLECALENDAR_EVENTS_LIST'] },
  { query: 'schedule a 30 minute call with bob@example.com on Thursday at 3pm', expected: ['GOOGLECALENDAR_CREATE_EVENT'] },
  { query: 'when is everyone free next week for a planning meeting', expected: ['GOOGLECALENDAR_FIND_FREE_SLOTS'] },
  { query: 'cancel my 4pm meeting', expected: ['GOOGLECALENDAR_DELETE_EVENT'] },
  { query: 'reschedule the design review to Friday morning', expected: ['GOOGLECALENDAR_UPDATE_EVENT'] },
  // Google Drive
  { query: 'find the budget spreadsheet in my drive', expected: ['GOOGLEDRIVE_FIND_FILE'] },
  { query: 'upload this pdf to google drive', expected: ['GOOGLEDRIVE_UPLOAD_FILE'] },
  { query: 'share the proposal doc with sam@example.com as editor', expected: ['GOOGLEDRIVE_ADD_FILE_SHARING_PREFERENCE'] },
  { query: 'create a folder called Invoices 2025 in drive', expected: ['GOOGLEDRIVE_CREATE_FOLDER'] },
  // CRM
  { query: 'add John Smith from Acme as a new contact in hubspot', expected: ['HUBSPOT_CREATE_CONTACT'] },
  { query: 'create a $50k deal for Acme in the sales pipeline', expected: ['HUBSPOT_CREATE_DEAL', 'SALESFORCE_CREATE_OPPORTUNITY'] },
  { query: 'new salesforce lead: Jane Doe at Globex', expected: ['SALESFORCE_CREATE_LEAD'] },
  { query: 'run a SOQL query for all closed won opportunities', expected: ['SALESFORCE_RUN_SOQL_QUERY'] },
  // Discord
  { query: 'post an announcement in our discord server', expected: ['DISCORD_CREATE_MESSAGE'] },
  { query: 'which discord servers am I in', expected: ['DISCORD_LIST_MY_GUILDS'] },
  // No-auth
  { query: 'search the web for the latest on vector databases', expected: ['COMPOSIO_SEARCH_WEB_SEARCH'] },
  { query: 'latest news about OpenAI', expected: ['COMPOSIO_SEARCH_NEWS_SEARCH'] },
  { query: 'find research papers on retrieval augmented generation', expected: ['COMPOSIO_SEARCH_SCHOLAR_SEARCH'] },
  { query: 'what is NVDA trading at right now', expected: ['COMPOSIO_SEARCH_FINANCE_SEARCH'] },
  { query: 'top stories on hacker news', expected: ['HACKERNEWS_GET_FRONTPAGE', 'HACKERNEWS_GET_BEST_STORIES'] },
  { query: "what's the weather in Paris right now", expected: ['WEATHERMAP_WEATHER'] },
  { query: 'will it rain in London this weekend', expected: ['WEATHERMAP_FORECAST', 'WEATHERMAP_DAILY_FORECAST'] },
  { query: 'scrape the text of https://example.com/blog/post', expected: ['COMPOSIO_SEARCH_FETCH_URL_CONTENT'] },
  // Written after the ranking was built, without tuning against them: a check on over-fitting
  { query: 'tell the team in slack that standup is cancelled', expected: ['SLACK_SEND_MESSAGE'] },
  { query: 'any new emails from my boss?', expected: ['GMAIL_FETCH_EMAILS'] },
  { query: 'book a room for the offsite on the 12th', expected: ['GOOGLECALENDAR_CREATE_EVENT', 'GOOGLECALENDAR_QUICK_ADD'] },
  { query: 'get me the details of ENG-42', expected: ['LINEAR_GET_LINEAR_ISSUE', 'JIRA_GET_ISSUE'] },
  { query: 'star the composio repo on github', expected: ['GITHUB_STAR_A_REPOSITORY_FOR_THE_AUTHENTICATED_USER'] },
  { query: 'look for rust projects on github with more than 1000 stars', expected: ['GITHUB_SEARCH_REPOSITORIES'] },
  { query: 'which deals are in our pipeline', expected: ['HUBSPOT_LIST_DEALS'] },
  { query: "log a note on the Acme account about today's call", expected: ['HUBSPOT_CREATE_NOTE'] },
  { query: 'give bob edit access to the roadmap spreadsheet', expected: ['GOOGLEDRIVE_ADD_FILE_SHARING_PREFERENCE'] },
  { query: 'download the signed contract pdf from drive', expected: ['GOOGLEDRIVE_DOWNLOAD_FILE'] },
  { query: 'hand the jira ticket PROJ-9 over to Maria', expected: ['JIRA_ASSIGN_ISSUE'] },
  { query: "mark the asana task 'write blog post' as complete", expected: ['ASANA_UPDATE_A_TASK'] },
  { query: 'who is hiring on hacker news', expected: ['HACKERNEWS_GET_JOB_STORIES'] },
  { query: 'air quality in Delhi', expected: ['WEATHERMAP_AIR_POLLUTION'] },
  { query: 'show me photos of the eiffel tower', expected: ['COMPOSIO_SEARCH_IMAGE_SEARCH'] },
  { query: "uninvite carl from friday's sync", expected: ['GOOGLECALENDAR_REMOVE_ATTENDEE'] },
  { query: 'what is trending for electric bikes this month', expected: ['COMPOSIO_SEARCH_TRENDS_SEARCH'] },
  { query: 'add alice and bob to #design', expected: ['SLACK_INVITE_USERS_TO_A_SLACK_CHANNEL'] },
  { query: 'send a private message to kim on discord', expected: ['DISCORD_CREATE_DM', 'DISCORD_CREATE_MESSAGE'] },
  { query: 'fix the typo in the message I just posted in slack', expected: ['SLACK_UPDATE_MESSAGE'] },
  { query: 'comment on the notion spec page with my feedback', expected: ['NOTION_CREATE_COMMENT'] },
  { query: "what's on the notion page about pricing", expected: ['NOTION_FETCH_NOTION_BLOCK_CHILDREN', 'NOTION_SEARCH_NOTION_PAGE'] },
  { query: 'set up a new github repo called data-pipeline', expected: ['GITHUB_CREATE_A_REPOSITORY_FOR_THE_AUTHENTICATED_USER'] },
  { query: "what's the status of our linear projects", expected: ['LINEAR_LIST_LINEAR_PROJECTS'] },
  { query: 'create a salesforce account for Initech', expected: ['SALESFORCE_CREATE_ACCOUNT'] },
  { query: 'remind me to call the customer back next Tuesday in salesforce', expected: ['SALESFORCE_CREATE_TASK'] },
];

/**
 * Held-out phrasings: written before the second round of ranking changes (relevance floor,
 * verb handling for forward/commit/text, "which X do I have"), and measured before them; the
 * first-run figures are kept in mocks/fixtures/README.md as the honest held-out number.
 */
export const HELD_OUT_SET: readonly SearchQualityCase[] = [
  { query: 'shoot a quick note to priya@corp.com asking about the contract', expected: ['GMAIL_SEND_EMAIL'] },
  { query: 'show me emails I got this morning', expected: ['GMAIL_FETCH_EMAILS'] },
  { query: 'throw away all the newsletters in my inbox', expected: ['GMAIL_MOVE_TO_TRASH'] },
  { query: 'what labels do I have in gmail', expected: ['GMAIL_LIST_LABELS'] },
  { query: 'ping the #ops channel that the database migration is starting', expected: ['SLACK_SEND_MESSAGE'] },
  { query: "who's in our slack", expected: ['SLACK_LIST_ALL_USERS'] },
  { query: 'search slack for where Tom mentioned the budget', expected: ['SLACK_SEARCH_MESSAGES'] },
  { query: 'list the channels on our discord server', expected: ['DISCORD_LIST_GUILD_CHANNELS'] },
  { query: 'catch me up on the discord general chat', expected: ['DISCORD_LIST_MESSAGES'] },
  { query: 'push a fix for the typo in docs/setup.md to the docs branch', expected: ['GITHUB_CREATE_OR_UPDATE_FILE_CONTENTS'] },
  { query: 'which PRs are waiting for review in the api repo', expected: ['GITHUB_LIST_PULL_REQUESTS'] },
  { query: 'pull up issue #88 in the backend repo', expected: ['GITHUB_GET_AN_ISSUE'] },
  { query: 'put lunch with Sara on my calendar for noon tomorrow', expected: ['GOOGLECALENDAR_CREATE_EVENT', 'GOOGLECALENDAR_QUICK_ADD'] },
  { query: 'am I free on Wednesday afternoon', expected: ['GOOGLECALENDAR_FIND_FREE_SLOTS'] },
  { query: 'push my 1:1 with Mark back by an hour', expected: ['GOOGLECALENDAR_UPDATE_EVENT'] },
  { query: 'make a copy of the Q3 template doc in drive', expected: ['GOOGLEDRIVE_COPY_FILE'] },
  { query: 'save these meeting notes as a new text file in drive', expected: ['GOOGLEDRIVE_CREATE_FILE_FROM_TEXT', 'GOOGLEDRIVE_UPLOAD_FILE'] },
  { query: 'put the invoices into the finance folder on drive', expected: ['GOOGLEDRIVE_MOVE_FILE'] },
  { query: 'what statuses can PROJ-55 be moved to', expected: ['JIRA_GET_TRANSITIONS'] },
  { query: 'list our jira projects', expected: ['JIRA_GET_ALL_PROJECTS'] },
  { query: 'who can I assign linear issues to', expected: ['LINEAR_LIST_LINEAR_USERS'] },
  { query: 'bump the priority of ENG-301 to urgent in linear', expected: ['LINEAR_UPDATE_ISSUE'] },
  { query: 'get rid of the old roadmap page in notion', expected: ['NOTION_ARCHIVE_NOTION_PAGE'] },
  { query: 'what entries are in the bug tracker database in notion', expected: ['NOTION_QUERY_DATABASE'] },
  { query: 'split the launch task into smaller pieces in asana', expected: ['ASANA_CREATE_SUBTASK'] },
  { query: "look up Dana's phone number at Globex in hubspot", expected: ['HUBSPOT_SEARCH_CONTACTS_BY_CRITERIA'] },
  { query: 'the Acme deal closed, update it to closed won', expected: ['HUBSPOT_UPDATE_DEAL', 'SALESFORCE_UPDATE_OPPORTUNITY'] },
  { query: 'best price for a standing desk under $300', expected: ['COMPOSIO_SEARCH_SHOPPING_SEARCH'] },
  { query: 'AI conferences in Berlin next month', expected: ['COMPOSIO_SEARCH_EVENT_SEARCH'] },
  { query: 'are there storm warnings for Miami', expected: ['WEATHERMAP_WEATHER_ALERTS'] },
];

/** Misses QA reported on phrasings outside this file (tuned against: not held out). */
export const QA_REPORTED_SET: readonly SearchQualityCase[] = [
  { query: 'forward the invoice email to accounting@example.com', expected: ['GMAIL_SEND_EMAIL'] },
  { query: 'remove alex from the weekly sync invite', expected: ['GOOGLECALENDAR_REMOVE_ATTENDEE'] },
  { query: 'commit a new config.yaml file to the repo', expected: ['GITHUB_CREATE_OR_UPDATE_FILE_CONTENTS'] },
  { query: 'which calendars do I have', expected: ['GOOGLECALENDAR_LIST_CALENDARS'] },
  { query: 'who are the members of our slack workspace', expected: ['SLACK_LIST_ALL_USERS'] },
  { query: 'text my team', expected: ['SLACK_SEND_MESSAGE', 'DISCORD_CREATE_MESSAGE'] },
  { query: 'compare prices for noise cancelling headphones', expected: ['COMPOSIO_SEARCH_SHOPPING_SEARCH'] },
];

/** A query and the toolkits a session allows. */
export interface SearchScopeCase {
  query: string;
  toolkits: readonly string[];
}

/**
 * Queries whose right toolkit the session does not allow: search must return no primary tool
 * rather than the best of the unrelated ones.
 */
export const NO_MATCH_SET: readonly SearchScopeCase[] = [
  { query: 'send an email to bob', toolkits: ['github'] },
  { query: 'list my repos', toolkits: ['gmail', 'slack'] },
  { query: "what's the weather in Paris", toolkits: ['github', 'slack'] },
  { query: 'create a jira ticket for the login bug', toolkits: ['slack', 'gmail'] },
  { query: 'schedule a meeting with alice tomorrow', toolkits: ['notion', 'linear'] },
  { query: 'upload the pdf to google drive', toolkits: ['github'] },
  { query: 'post a message in #general', toolkits: ['hubspot', 'salesforce'] },
  { query: 'find research papers on transformers', toolkits: ['gmail'] },
  { query: 'merge PR #42', toolkits: ['jira', 'asana'] },
  { query: 'add a new lead in salesforce', toolkits: ['slack'] },
  { query: 'find a customer in the CRM by email', toolkits: ['github'] },
  { query: 'what is NVDA trading at', toolkits: ['github', 'gmail'] },
  { query: 'star the composio repo', toolkits: ['slack', 'notion'] },
  { query: 'react with a thumbs up to that message', toolkits: ['github'] },
];

/**
 * The other side of {@link NO_MATCH_SET}: the best toolkit is not allowed but an allowed one
 * does the job, so search must still answer with it.
 */
export const SUBSTITUTE_SET: readonly (SearchScopeCase & SearchQualityCase)[] = [
  { query: 'create a task for the follow-up call', toolkits: ['salesforce'], expected: ['SALESFORCE_CREATE_TASK'] },
  { query: 'file a ticket for the checkout bug', toolkits: ['github'], expected: ['GITHUB_CREATE_AN_ISSUE'] },
  { query: 'send a message to the team', toolkits: ['discord'], expected: ['DISCORD_CREATE_MESSAGE'] },
  { query: 'find a contact by email', toolkits: ['salesforce'], expected: ['SALESFORCE_SEARCH_CONTACTS'] },
  { query: 'create a deal for Acme', toolkits: ['salesforce'], expected: ['SALESFORCE_CREATE_OPPORTUNITY'] },
  { query: 'search for tickets assigned to me', toolkits: ['linear'], expected: ['LINEAR_LIST_LINEAR_ISSUES'] },
  { query: 'write a new doc', toolkits: ['googledrive'], expected: ['GOOGLEDRIVE_CREATE_FILE_FROM_TEXT'] },
  { query: 'add a comment on the ticket', toolkits: ['linear'], expected: ['LINEAR_CREATE_LINEAR_COMMENT'] },
  { query: 'list my projects', toolkits: ['asana'], expected: ['ASANA_GET_MULTIPLE_PROJECTS'] },
  { query: 'who am i', toolkits: ['discord'], expected: ['DISCORD_GET_MY_USER'] },
  { query: 'send a message on discord', toolkits: ['slack'], expected: ['SLACK_SEND_MESSAGE'] },
];
