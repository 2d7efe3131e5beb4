// The page's own script: a Direct Line conversation with this host (polling; no secret, no cookie), rendered by the
// official Web Chat. The token is kept only in memory: closing the page ends the conversation on this device.
(async () => {
  const chat = document.getElementById('chat');
  const language = document.getElementById('language');
  const locale = () => chat.dataset.locale || 'en-GB';
  // Another language is a fresh page in it (a new conversation: nothing has been said yet, or they start again).
  language.addEventListener('change', () => {
    window.location.search = '?lang=' + encodeURIComponent(language.value);
  });
  try {
    const response = await fetch('/v3/directline/tokens/generate', { method: 'POST', credentials: 'omit', cache: 'no-store' });
    if (!response.ok) throw new Error('token ' + response.status);
    const { token } = await response.json();
    const directLine = window.WebChat.createDirectLine({ token, domain: window.location.origin + '/v3/directline', webSocket: false, pollingInterval: 500 });
    window.WebChat.renderWebChat(
      {
        directLine,
        locale: locale(),
        styleOptions: { hideUploadButton: false, uploadAccept: 'image/jpeg,image/png,application/pdf,.docx,.xlsx,.pptx', uploadMultiple: true, sendAttachmentOn: 'attach', bubbleMaxWidth: 560, primaryFont: 'system-ui, sans-serif' },
      },
      chat
    );
    directLine.connectionStatus$.subscribe(status => {
      // 2 = online: tell the bot once that the person has joined (an event, not a message they never typed), so the
      // welcome card shows without them having to start.
      if (status === 2 && !chat.dataset.greeted) {
        chat.dataset.greeted = 'yes';
        directLine.postActivity({ type: 'event', name: 'webchat/join', from: { id: 'me', role: 'user' }, locale: locale() }).subscribe();
      }
    });
  } catch (e) {
    chat.textContent = chat.dataset.unavailable;
  }
})();
