// Tells the LMS that dynamic registration is over (the standard closing message).
(window.opener || window.parent).postMessage({ subject: 'org.imsglobal.lti.close' }, '*');
