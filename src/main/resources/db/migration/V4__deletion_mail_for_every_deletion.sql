-- The deletion mail also confirms deletions made by an agent, so it no longer gives inactivity as the reason.
UPDATE mail_template
SET body = '<p>Bonjour {{firstName}} {{lastName}},</p>
<p>Votre compte a été supprimé le {{deletionDate}} et vos dossiers ont été anonymisés.</p>
<p>Vous pouvez créer un nouveau compte à tout moment : <a href="{{portalUrl}}">{{portalUrl}}</a></p>'
WHERE id = 'account-deleted';
