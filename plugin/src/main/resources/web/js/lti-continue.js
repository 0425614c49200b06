// The LTI pages' self-posting form (the browser's part of a redirect with a POST body).
document.getElementById('continue').submit();
