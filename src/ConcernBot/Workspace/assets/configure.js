// The channel tab's configuration page: Teams shows Save once the page says the settings are valid.
'use strict';
(async () => {
  const main = document.getElementById('main');
  try {
    await microsoftTeams.app.initialize();
    const context = await microsoftTeams.app.getContext();
    document.body.dataset.theme = context.app.theme || 'default';
    microsoftTeams.pages.config.registerOnSaveHandler((save) => {
      microsoftTeams.pages.config.setConfig({
        entityId: 'leads-workspace',
        contentUrl: `${location.origin}/workspace?tab=channel`,
        websiteUrl: `${location.origin}/workspace`,
        suggestedDisplayName: main.dataset.tabName,
      }).then(() => save.notifySuccess(), (error) => save.notifyFailure(String(error)));
    });
    microsoftTeams.pages.config.setValidityState(true);
    microsoftTeams.app.notifySuccess();
  } catch {
    // Outside Teams there is nothing to configure: the page's words say what the tab is for.
  }
})();
