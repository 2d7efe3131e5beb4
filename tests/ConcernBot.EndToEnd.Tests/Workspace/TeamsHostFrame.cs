using System.Text.Json;

namespace ConcernBot.EndToEnd.Tests.Workspace;

/// <summary>
/// A stand-in for Teams around the leads' tab: a page on https://teams.microsoft.com (answered by Playwright's router,
/// never the network) that frames the tab and answers the Teams JavaScript library's messages as Teams does:
/// initialize, getContext (theme, locale) and authentication.getAuthToken (the test's own token).
/// </summary>
internal static class TeamsHostFrame
{
    public const string Url = "https://teams.microsoft.com/_stand-in/tab";

    public static string Html(string tabUrl, string token, string theme, string locale) => $$"""
        <!DOCTYPE html>
        <html lang="en">
        <head><meta charset="utf-8"><title>Microsoft Teams (stand-in)</title></head>
        <body style="margin:0">
        <iframe id="tab" title="ConcernBot" src="{{tabUrl}}" style="width:100%;height:100vh;border:0"></iframe>
        <script>
        const token = {{JsonSerializer.Serialize(token)}};
        const context = { locale: {{JsonSerializer.Serialize(locale)}}, theme: {{JsonSerializer.Serialize(theme)}}, entityId: 'my-concerns',
          frameContext: 'content', hostClientType: 'web', appSessionId: 'stand-in-session' };
        const runtime = JSON.stringify({ apiVersion: 4, isLegacyTeams: false, hostVersionsInfo: { adaptiveCardSchemaVersion: { majorVersion: 1, minorVersion: 5 } },
          supports: { pages: { config: {}, appButton: {}, tabs: {}, backStack: {} }, teamsCore: {}, appInstallDialog: {}, dialog: { url: {}, update: {} } } });
        window.hostCalls = [];
        window.addEventListener('message', (event) => {
          const message = event.data;
          if (!message || typeof message.func !== 'string' || typeof message.id !== 'number') return;
          window.hostCalls.push(message.func);
          let args = [];
          if (message.func === 'initialize') args = ['content', 'web', runtime, '2.58.0'];
          else if (message.func === 'getContext') args = [context];
          else if (message.func === 'authentication.getAuthToken') args = [true, token];
          event.source.postMessage({ id: message.id, uuidAsString: message.uuidAsString, args }, event.origin);
        });
        </script>
        </body>
        </html>
        """;
}
