// Loads the survey's JSON from the server, as Tellus does, and renders it with SurveyJS.
fetch('/survey.json')
  .then((r) => r.json())
  .then((json) => new Survey.Model(json).render(document.getElementById('survey')));
