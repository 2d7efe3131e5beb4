// Development only, from this machine only: remember which configured lead to be, for this browser tab only.
'use strict';
document.querySelectorAll('button[data-oid]').forEach((button) => {
  button.addEventListener('click', () => {
    sessionStorage.setItem('concernbot.localLead', JSON.stringify({ oid: button.dataset.oid, name: button.dataset.name }));
    location.href = '/workspace';
  });
});
