# Le catalogue français de debrief : chaque texte du rapport qu’un lecteur voit, par clé.
# Chaque clé de locales/en.ftl doit exister ici (un test le vérifie).
# Typographie : espace fine insécable (U+202F) avant % et entre les milliers, espace insécable
# (U+00A0) avant « : » et à l’intérieur des guillemets « ».

## Écriture des nombres, durées, heures et dates (src/i18n/format.rs)

fmt-group-separator = {"\u202F"}
fmt-decimal-separator = ,
fmt-percent = { $value }{"\u202F"}%
fmt-duration-s = { $s } s
fmt-duration-min = { $min } min
fmt-duration-min-s = { $min } min { $s } s
fmt-duration-h-min = { $h } h { $min } min
fmt-clock = { $h } h { $mm }
fmt-weekday = { $n ->
    [1] lundi
    [2] mardi
    [3] mercredi
    [4] jeudi
    [5] vendredi
    [6] samedi
   *[7] dimanche
}
fmt-month = { $n ->
    [1] janvier
    [2] février
    [3] mars
    [4] avril
    [5] mai
    [6] juin
    [7] juillet
    [8] août
    [9] septembre
    [10] octobre
    [11] novembre
   *[12] décembre
}
fmt-date = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
fmt-long-date = { $weekday } { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }

## Décomptes

count-tickets = { $n ->
    [one] { $n } ticket
   *[other] { $n } tickets
}
count-affected-participants = { $n ->
    [one] { $n } participant touché
   *[other] { $n } participants touchés
}

## The report page (report_templates/report.html)

rt-title = Retour d’expérience sur l’incident : { $event }
rt-kicker = Retour d’expérience sur l’incident
rt-window-note = , fenêtre { $note }
rt-window-unknown = Fenêtre de l’événement inconnue : renseignez [event] start et end dans debrief.toml
rt-times-local = . Toutes les heures sont locales ({ $zone }).
rt-summary = Synthèse
rt-na = n. d.
rt-target = objectif { $target } :
rt-met = atteint
rt-missed = manqué
rt-not-measurable = non mesurable
rt-no-target = aucun objectif fixé
rt-last-edition = édition précédente : { $value }
rt-verdict-better = mieux
rt-verdict-worse = moins bien
rt-verdict-same = identique
rt-change-first = À changer d’abord
rt-why = Pourquoi : { $text }
rt-other-findings = Autres constats ({ $n })
rt-findings = Constats ({ $n })
rt-severity-warning = alerte
rt-severity-info = info
rt-severity-critical = critique
rt-severity-data = données
rt-next-time = La prochaine fois : { $text }
rt-compared-with = Comparaison avec { $previous }
rt-figure = Indicateur
rt-this-edition = Cette édition
rt-previous = Précédente
rt-change = Évolution
rt-not-comparable = non comparable
rt-what-happened = Ce qui s’est passé, et quand
rt-timeline-caption = Centré sur l’incident. Débuts des signaux (points), phases de l’équipe mesurées depuis le début de l’impact (la communication depuis la détection) et tentatives de correction face à leur temps imparti (en contour), avec les jalons en travers.
rt-timeline-data = Les chiffres de la chronologie
rt-item = Élément
rt-start-zone = Début ({ $zone })
rt-end = Fin
rt-duration = Durée
rt-milestone = Jalon
rt-local-time = Heure locale
rt-source = Source
rt-evidence = Élément probant
rt-unknown = inconnu
rt-provenance-log = main courante
rt-provenance-observed = observé
rt-how-measured = comment c’est mesuré
rt-first-channel = Quel canal l’a vu en premier
rt-channel = Canal
rt-onset = Début
rt-lead = Avance sur la détection
rt-none = aucun
rt-attempts = Tentatives de correction
rt-attempt = Tentative
rt-owner = Responsable
rt-start = Début
rt-timebox = Temps imparti
rt-overrun = Dépassement
rt-open = en cours
rt-viewing = Visionnage
rt-see-audience-before = Spectateurs actifs par plateforme, minute par minute : voir
rt-audience = L’audience de l’événement
rt-failures-caption = Vues en échec par minute (une vue échoue sur une erreur fatale du lecteur, ou quand on quitte avant le début de la vidéo) ; en rouge, les minutes anormales au regard du taux d’échec de référence
rt-failures-caption-segment = Vues en échec par minute (une vue échoue sur une erreur fatale du lecteur, ou quand on quitte avant le début de la vidéo), celles du segment touché ({ $segment }) face aux autres ; une bande sombre marque chaque minute anormale au regard du taux d’échec de référence
rt-failures-baseline = de { $share } (test binomial, p < 0,001).
rt-failures-data = Vues en échec, minute par minute
rt-minute-zone = Minute ({ $zone })
rt-from-zone = À partir de ({ $zone })
rt-time-in-zone = Heure ({ $zone })
rt-elsewhere = Ailleurs
rt-failed-views = Vues en échec
rt-anomalous = Anormale
rt-yes = oui
rt-no-viewing = Aucune donnée de visionnage fournie : le signal de visionnage et le rétablissement observé ne peuvent être mesurés.
rt-who-affected = Qui a été touché
rt-views-active-failed = Vues actives pendant l’incident / en échec pendant l’incident
rt-affected = Participants touchés (une vue en échec pendant l’incident)
rt-recovered = Dont revenus avant la fin de l’événement
rt-minutes-lost = Minutes-participants perdues (du premier échec à la vue réussie suivante, ou au rétablissement)
rt-impact-needs-window = L’impact par participant demande les deux bornes de l’incident (début de l’impact et rétablissement).
rt-cost-of-waiting = Le coût de l’attente
rt-waiting-caption = Participants touchés qui ne regardent pas encore à nouveau : chacun attend de son premier échec à sa vue réussie suivante ou au rétablissement, selon ce qui vient d’abord. La hauteur de chaque minute est le nombre moyen de participants en attente ; l’aire, { $total } minutes-participants, est le total des minutes-participants perdues.
rt-waiting-data = Participants en attente, minute par minute
rt-waiting-column = Participants en attente (minutes-participants perdues dans la minute)
rt-reach = Portée de la communication de crise
rt-campaign = Campagne
rt-first-event = Premier événement
rt-recipients = Destinataires
rt-delivered = Délivrés
rt-opened = Ouverts
rt-clicked = Cliqués
rt-backup-link = Lien de secours
rt-bounced-blocked = Rejetés / bloqués
rt-to-90pct = 90 % délivrés en
rt-no-incident-campaign = Aucune campagne d’e-mail d’incident n’a été trouvée.
rt-no-email-export = Aucun export d’envoi d’e-mails fourni : la portée de l’e-mail ne peut être mesurée.
rt-incident-campaigns-rule = Campagnes d’incident : { $rule }. Les comptes sont en destinataires distincts.
rt-email-caption = Destinataires distincts ayant reçu, ouvert et cliqué, en cumulé.
rt-email-data = Portée dans le temps
rt-email-affected-caption = Participants touchés ayant reçu, ouvert et cliqué un e-mail d’incident, en cumulé.
rt-email-affected-data = Portée auprès des participants touchés dans le temps
rt-outcomes = Ce qu’est devenu l’e-mail pour les participants touchés
rt-no-reach = Aucun export d’envoi d’e-mails fourni : la portée ne peut être mesurée.
rt-communication = Notre communication a-t-elle fonctionné ?
rt-waited-first-word = Attente des participants avant un premier message
rt-their-side = début de l’impact → première communication : leur point de vue
rt-time-to-communicate = Délai de communication
rt-team-side = détection → première communication : le point de vue de l’équipe
rt-updates-caption = Chaque message aux participants, une ligne par canal ; la bande grisée est la plus longue période sans nouvelles entre le premier message et le rétablissement.
rt-updates = Les messages ({ $n })
rt-what = Quoi
rt-affected-funnel = Ce que les participants touchés ont fait de l’e-mail
rt-affected-funnel-caption = Des participants touchés à ceux qui regardent à nouveau dans les 15 minutes suivant leur clic sur le lien de secours.
rt-funnel-data = Les chiffres de l’entonnoir
rt-stage = Étape
rt-participants = Participants
rt-of-affected = Part des touchés
rt-returns-caption = La boîte couvre la moitié centrale des participants touchés revenus après l’e-mail ; le trait est la médiane.
rt-support-social = Support et réseaux sociaux
rt-support-queue = File du support
rt-support-caption = Tickets liés à l’incident créés par tranche de { $minutes } minutes, ceux encore ouverts (créés moins résolus jusque-là, à leur heure de résolution) et l’attente médiane d’une première réponse pour les tickets créés dans chaque tranche.
rt-support-data = La file du support, tranche par tranche
rt-created = Créés
rt-solved = Résolus
rt-open-at-end = Ouverts à la fin
rt-answered = Répondus
rt-median-first-reply = Première réponse médiane
rt-all-tickets = Tous les tickets des exports
rt-incident-tickets = Tickets liés à l’incident
rt-peak = Pic
rt-not-available = non disponible
rt-baseline = Niveau de référence avant l’incident
rt-baseline-not-available = non disponible (référence de moins de 10 minutes)
rt-peak-against-baseline = Pic rapporté à la référence
rt-first-reply = Première réponse, médiane / 90e centile
rt-before-after = Tickets d’incident 30 min avant / après la première communication
rt-tickets-via = Tickets d’incident par { $channel }
rt-no-helpdesk = Aucun export du support fourni.
rt-social = Réseaux sociaux
rt-social-caption = Mentions liées à l’incident (hors nos propres publications) par tranche de { $minutes } minutes, par tonalité : { $source }.
rt-social-data = Mentions par tonalité, tranche par tranche
rt-negative = Négatives
rt-neutral = Neutres
rt-positive = Positives
rt-mentions = Mentions
rt-incident-mentions = Mentions liées à l’incident
rt-potential-reach-incident = Portée potentielle (abonnés, cumulés sur les mentions d’incident)
rt-unique-reach = Portée unique (chaque auteur une fois)
rt-engagements-incident = Interactions sur les mentions d’incident
rt-sentiment = Tonalité des mentions d’incident
rt-own-posts = Nos propres publications
rt-time = Heure
rt-account = Compte
rt-post = Publication
rt-engagements = Interactions
rt-no-social = Aucun export des réseaux sociaux fourni.
rt-attended = Présents
rt-no-viewing-analytics = pas de données de visionnage
rt-peak-concurrent = Pic simultané
rt-average-per-attendee = Moyenne par présent
rt-lost-to-incident = Perdus à cause de l’incident
rt-retention-caption = Parmi les participants qui ont regardé, la part qui regardait à un moment de chaque tranche de { $minutes } minutes ; l’incident est grisé.
rt-retention-data = Rétention, tranche par tranche
rt-retention-column = Part des présents qui regardent
rt-audience-caption = Spectateurs actifs : participants distincts ayant une vue réussie active à un moment de la minute, par plateforme ; l’incident est grisé.
rt-audience-snapshots-caption = Points : les spectateurs simultanés comptés par la plateforme elle-même (ses relevés), y compris ceux que debrief ne peut identifier.
rt-audience-data = Spectateurs actifs, minute par minute
rt-platform = Plateforme
rt-viewers = Spectateurs
rt-of-attendees = Part des présents
rt-minutes-watched = Minutes regardées
rt-every-campaign = Toutes les campagnes d’e-mails
rt-unsubscribed = Désabonnés
rt-complaints = Plaintes
rt-campaigns-note = Les comptes sont en destinataires distincts ; une campagne est la campagne ou l’étiquette de l’export.
rt-social-all = Réseaux sociaux, toutes les mentions
rt-mentions-not-own = Mentions (hors nos propres publications)
rt-potential-reach = Portée potentielle (abonnés, cumulés sur les mentions)
rt-network = Réseau
rt-author = Auteur
rt-top-posts-note = Les publications aux plus nombreuses interactions (j’aime, partages, réponses, citations).
rt-website = Le site web
rt-web-caption = Requêtes vers les pages portant le lien de secours ({ $pages }) par tranche de { $minutes } minutes ; la première communication est marquée.
rt-web-data = Requêtes vers les pages de secours, tranche par tranche
rt-requests = Requêtes
rt-no-audience = Aucun export de visionnage, d’e-mails, de réseaux sociaux, de relevés d’audience ou du site web fourni : rien à dire de l’audience.
rt-lessons = Enseignements et actions
rt-action = Action
rt-due = Échéance
rt-no-lessons-before = Pas de lessons.md dans le dossier d’entrée :
rt-no-lessons-after = en écrit un modèle.
rt-your-queries = Vos requêtes
rt-query-failed = Cette requête a échoué : { $error }
rt-query-rows = { $n ->
        [one] { $n } ligne, dans { $file }.
       *[other] { $n } lignes, toutes dans { $file }.
    }
rt-query-rows-first = { $n } lignes, les { $shown } premières affichées ; toutes dans { $file }.
rt-rebuilt-timeline = Chronologie reconstituée
rt-kind = Type
rt-entry = Entrée
rt-data-quality = Qualité des données et sources
rt-check = à vérifier
rt-file = Fichier
rt-format = Format
rt-time-zone = Fuseau horaire
rt-read = Lues
rt-kept = Gardées
rt-rejected = Rejetées
rt-duplicates = Doublons
rt-warnings = Avertissements
rt-rejected-row = rejetée : { $reason }
rt-warning-row = avertissement : { $reason }
rt-how-computed = Comment les chiffres sont calculés
rt-how-computed-before = Chaque chiffre de ce rapport et de metrics.json est défini dans
rt-how-computed-after = , livré avec debrief (dans son dépôt et dans chaque copie de ses sources, à côté de README.md) : ce qu’il compte, à partir de quels exports, sur quelle fenêtre, et quand il reste vide. En bref :
rt-rule-impact-start = Le début de l’impact est le plus tôt entre l’entrée de début de la main courante et le début de chaque signal : vues en échec (test binomial par minute contre le taux d’échec médian, plancher de 1 % pour ouvrir un épisode et de 0,1 % pour le prolonger), tickets et mentions liés à l’incident (test de Poisson sur des fenêtres de 5 minutes contre le taux médian, plancher de 0,5 par heure).
rt-rule-log-wins = Hors début, une entrée de la main courante l’emporte sur une valeur observée ; les deux sont montrées quand elles diffèrent de plus de 5 minutes. La première communication est la plus tôt entre la première remise de l’e-mail d’incident, la première publication d’incident d’un compte de l’organisation et l’entrée de communication de la main courante.
rt-rule-identities = Les participants sont identifiés par un SHA-256 salé de leur adresse e-mail ; aucune adresse ni aucun numéro de téléphone n’apparaît dans les sorties.
rt-rule-dst = Une heure locale écrite sans son décalage qui tombe sur un changement d’heure est gardée : celle que les horloges ont affichée deux fois est lue comme sa première occurrence, celle qu’elles ont sautée est avancée de la durée du saut. Chacune compte comme un avertissement de son fichier, listé plus haut.

## The report's section builders (src/report/model.rs, marketing.rs, words.rs)

fmt-clock-seconds = { $h } h { $mm } min { $ss } s
md-na = n. d.
md-ev-views-failed = { $failed } des { $active } vues actives dans la minute de { $minute } ont échoué, bien plus que d’habitude ; la première à { $first }
md-ev-views-failing = les vues ont commencé à échouer bien plus que d’habitude à { $at }
md-ev-tickets = les tickets d’incident ont commencé à arriver bien plus vite que d’habitude avec celui-ci, à { $at }
md-ev-mentions = les publications sur l’incident ont commencé à se multiplier bien plus vite que d’habitude avec celle-ci, à { $at }
md-ev-recovered = vues en échec revenues à leur niveau habituel : la dernière minute avec trop d’échecs s’est terminée à { $at }
md-ev-log = main courante : « { $text } »
md-ev-fallback-view = première vue réussie sur la plateforme de secours « { $platform } » après le début
md-ev-campaign = première remise de la campagne d’e-mail d’incident « { $campaign } »
md-ev-first-reply = première réponse d’un agent à un ticket lié à l’incident (métriques de tickets Zendesk)
md-ev-episode-end = fin de la dernière minute élevée de l’épisode de vues en échec
md-ev-org-post = première publication liée à l’incident par un compte de l’organisation
md-ev-no-start = aucun signal d’impact trouvé et la main courante n’a pas d’entrée « start » : ajoutez-en une, ou fournissez des exports de visionnage, de tickets ou de mentions
md-ev-no-detection = pas d’entrée « detection » dans la main courante ni de réponse d’agent à un ticket lié à l’incident : ajoutez une entrée de détection à ops_log.csv
md-ev-no-recovery = pas d’entrée « recovery » dans la main courante ni d’épisode de vues en échec à clore : ajoutez une entrée de rétablissement à ops_log.csv
md-ev-no-mitigation = pas d’entrée « mitigation » dans la main courante ni de vue réussie sur une plateforme de [incident].fallback_platforms : ajoutez l’une ou l’autre
md-ev-no-communication = ni campagne d’e-mail d’incident, ni publication de l’organisation, ni entrée « communication » dans la main courante : indiquez la campagne dans [incident].email_campaigns ou ajoutez une entrée à la main courante
md-ev-note-start-later =  ; l’entrée de début de la main courante ({ $at }) est plus tardive
md-ev-note-communication-at =  ; l’entrée de communication de la main courante est à { $at }
md-ticket-channel-web = formulaire web
md-ticket-channel-email = e-mail
md-ticket-channel-api = API
md-ticket-channel-mobile = application mobile
md-ticket-channel-voice = téléphone
md-ticket-channel-twitter = X (Twitter)
md-ticket-channel-facebook = Facebook
md-ticket-channel-native-messaging = messagerie
md-sum-segment-share = ({ $share } des spectateurs étaient sur { $dimension } { $value }, là où se trouvaient les échecs)
md-sum-segment = (les échecs étaient sur { $dimension } { $value })
md-sum-who = { $n ->
        [one] { $n } participant n’a pas pu regarder{ $segment }
       *[other] { $n } participants n’ont pas pu regarder{ $segment }
    }
md-sum-who-unknown = Un nombre inconnu de participants a été touché (aucun export de visionnage ne peut dire qu’une vue a échoué)
md-sum-who-some = Des participants ont été touchés
md-sum-when = de { $start } à { $end } ({ $duration })
md-sum-when-open = à partir de { $start } ; le rétablissement est inconnu
md-sum-target-met = (objectif { $target } : atteint)
md-sum-target-missed = (objectif { $target } : manqué)
md-sum-detected = a détecté l’incident au bout de { $duration }
md-sum-communicated = a envoyé le premier message { $duration } après la détection
md-sum-mitigated = l’a atténué au bout de { $duration }
md-sum-recovered = a rétabli le service au bout de { $duration }
md-sum-team-one = L’équipe { $step }.
md-sum-team = L’équipe { $steps }, et { $last }.
md-of-delivered = { $n } ({ $share } des délivrés)
md-signal-mentions = Réseaux sociaux
md-signal-tickets = Tickets du support
md-signal-viewing = Données du lecteur vidéo
md-signal-log = Main courante (début déclaré)
md-window-config = issue de la configuration ([event] start et end)
md-window-config-viewing = début issu de la configuration, fin issue de la dernière session de visionnage (pas de [event] end dans la configuration)
md-window-viewing-config = début issu de la première session de visionnage (pas de [event] start dans la configuration), fin issue de la configuration
md-window-viewing = de la première à la dernière session de visionnage (pas de [event] start ni end dans la configuration)
md-milestone-started-at = Début de l’impact
md-milestone-detected-at = Détection
md-milestone-first-communication-at = Première communication
md-milestone-mitigated-at = Atténuation
md-milestone-recovered-at = Rétablissement
md-timeline-onset = Début du signal : { $channel }
md-timeline-fallback-view = première vue réussie sur la plateforme de secours « { $platform } »
md-timeline-own-post = publication de @{ $author } : { $text }
md-card-detect = Délai de détection
md-card-detect-span = début de l’impact → détection
md-card-communicate = Délai de communication
md-card-communicate-span = détection → première communication
md-card-mitigate = Délai d’atténuation
md-card-mitigate-span = début de l’impact → atténuation
md-card-recover = Délai de rétablissement
md-card-recover-span = début de l’impact → rétablissement
md-observed-detected = la première réponse d’un agent à un ticket d’incident est arrivée à { $at }
md-observed-mitigated = la première vue sur la plateforme de secours a commencé à { $at }
md-observed-recovered = les échecs ont cessé à { $at }
md-observed-other = les données disent { $at }
md-first-signal-lead = { $channel } : premier signal, à { $at }, { $lead } avant la détection par l’équipe.
md-first-signal = { $channel } : premier signal, à { $at }.
md-tickets-peak = { $n ->
        [one] { $n } ticket d’incident dans les { $minutes } min à partir de { $at }
       *[other] { $n } tickets d’incident dans les { $minutes } min à partir de { $at }
    }
md-tickets-per-hour = { $rate } tickets par heure
md-mentions-peak = { $n ->
        [one] { $n } mention d’incident dans les { $minutes } min à partir de { $at }
       *[other] { $n } mentions d’incident dans les { $minutes } min à partir de { $at }
    }
md-sentiment = { $negative } négatives, { $neutral } neutres, { $positive } positives ({ $source })
md-sentiment-provided = telles que données par la source
md-sentiment-lexicon = lexique français et anglais intégré à debrief
md-source-not-recognised = non reconnu
md-zone-file = { $zone } (dans le fichier)
md-zone-assumed = { $zone } (fuseau de l’événement, supposé)
md-read-as = lu comme { $encoding }
md-read-as-cp1252-assumed = lu comme windows-1252 (supposé : ce n’est pas de l’UTF-8)
md-line = ligne { $line } : { $text }
md-segment-lead-share = { $share } des spectateurs actifs pendant l’incident étaient sur { $dimension } = { $value }, et c’est là que se trouvaient les échecs :
md-segment-lead = Les échecs étaient concentrés sur { $dimension } = { $value } :
md-segment-body = { $rate } de ses vues ont échoué pendant l’incident, contre { $elsewhere } ailleurs ({ $lift } fois plus souvent). Il concentrait { $failed } des vues en échec et { $active } des vues actives pendant l’incident (test z unilatéral, p { $p }).
md-no-segment = Aucun segment d’audience n’explique les échecs : aucun ne réunit au moins 20 vues en échec et la moitié d’entre elles avec un taux d’échec significativement plus élevé.
md-rule-config = les campagnes listées dans [incident].email_campaigns
md-rule-automatic = les campagnes dont le premier événement tombe entre le début de l’impact et deux heures après le rétablissement (pas de [incident].email_campaigns dans la configuration)
md-reached-affected = L’e-mail d’incident a été délivré à { $reached } des { $n } participants touchés ({ $share }).
md-reached-registered = Il a été délivré à { $reached } des { $n } inscrits ({ $share }).
md-outcome-reached = atteints
md-outcome-bounced = rejetés
md-outcome-blocked = bloqués
md-outcome-not-sent = à qui l’e-mail d’incident n’a pas été envoyé
md-outcome-no-email = aucun e-mail connu
md-outcome-other = autres
md-impact-unknown = Aucun des exports de visionnage ne peut dire qu’une vue a échoué (un rapport de participants Zoom n’enregistre que les arrivées et départs ; un CSV de visionnage a besoin d’une colonne failed ou error) : les participants touchés, le segment touché, les minutes-participants perdues et les participants touchés atteints sont inconnus, pas nuls. Le début de l’impact vient des seuls tickets, mentions et main courante.
md-not-yet-sentiment = La tonalité vient de la source quand elle en donne une, sinon d’une petite liste de mots français et anglais intégrée : lisez-la comme une tendance, pas comme un verdict.
mk-of-registered = sur { $registered } inscrits ({ $share })
mk-no-registration-kept = aucune inscription retenue
mk-no-registration-export = pas d’export des inscriptions
mk-lost-note = des { $affected } participants touchés, sans reprise avant la fin de l’événement
mk-lost-unknown-failures = inconnu : aucun export de visionnage ne peut dire qu’une vue a échoué
mk-lost-unknown-viewing = inconnu : pas de données de visionnage
mk-lost-unknown-window = inconnu : les bornes de l’incident (début de l’impact et rétablissement) ne sont pas connues
mk-peak-at = à { $at }, participants distincts en train de regarder
mk-no-successful-view = aucune vue réussie
mk-snapshot-peak = décompte de { $platform } : { $viewers } à { $at }
mk-minutes = { $minutes } min
mk-minutes-watched = { $minutes } minutes regardées au total
mk-web-since = { $n ->
        [one] { $n } requête vers ces pages de la première communication ({ $at }) à la fin de l’événement.
       *[other] { $n } requêtes vers ces pages de la première communication ({ $at }) à la fin de l’événement.
    }
mk-web-no-pages = Des journaux web ont été lus, mais aucune page n’est à chercher : nommez les pages qui portaient le lien de secours dans [web] pages (ou [incident] backup_urls).
mk-audience-cost = Pour l’audience, l’incident a coûté { $minutes } minutes-participants de visionnage, et { $lost } des { $affected } participants touchés ne sont jamais revenus avant la fin de l’événement.
mk-retention-title = Rétention : la part des présents qui regardent, tranche par tranche
mk-web-title = Le site web : requêtes vers les pages portant le lien de secours
mk-campaigns-title = Toutes les campagnes d’e-mails : délivrés (sur les destinataires), ouverts et cliqués (sur les délivrés)
mk-campaign-heading-sent = { $campaign } : { $n } destinataires, premier envoi à { $at }
mk-campaign-heading = { $campaign } : { $n } destinataires
## Constats (src/analysis/findings.rs) : `text` et `recommendation` des constats de metrics.json,
## du rapport et de runbook.md. $source est la source d’un signal : mentions, tickets, viewing ou log.

metric-label = { $metric ->
    [time_to_detect_s] le délai de détection
    [time_to_communicate_s] le délai de communication
    [time_to_mitigate_s] le délai d’atténuation
    [time_to_recover_s] le délai de rétablissement
   *[other] le délai
}
milestone-in-words = { $milestone ->
    [started_at] le début de l’impact
    [detected_at] la détection
    [first_communication_at] la première communication
    [mitigated_at] l’atténuation
   *[recovered_at] le rétablissement
}
channel-name = { $channel ->
    [email] e-mail
    [social] réseaux sociaux
    [website] site web
    [support] support
   *[other] autre
}
list-and = { $rest } et { $last }

finding-no-incident-criteria = Aucun mot-clé ni tag de ticket n’est configuré ([incident].keywords, ticket_tags) : aucun ticket ni aucune mention ne peut être rattaché à l’incident, si bien que les chiffres du support et des réseaux sociaux, et le début de leur hausse, ne peuvent pas montrer l’incident.
advice-no-incident-criteria = Listez dans debrief.toml les mots employés par les participants (par exemple « écran noir », « pas d’image ») et les tags que les agents mettent sur les tickets d’incident.

finding-signalled-first = { $source ->
    [mentions] Les réseaux sociaux ont
    [tickets] Les tickets du support ont
    [viewing] Les statistiques du lecteur ont
   *[log] La main courante a
} signalé l’incident en premier, à { $at }, { $lead } avant sa détection par l’équipe à { $detected }.
finding-watched-channel-signalled-first = Parmi les canaux qu’une personne surveille, { $source ->
    [mentions] les réseaux sociaux ont
    [tickets] les tickets du support ont
    [viewing] les statistiques du lecteur ont
   *[log] la main courante a
} donné l’alerte en premier, à { $at }, { $lead } avant la détection par l’équipe à { $detected }.
advice-watch-social = Surveillez en direct les mentions sur les réseaux sociaux (mots-clés et fournisseurs d’accès touchés) pendant chaque session, avec une personne désignée pour le faire.
advice-route-tickets = Faites remonter sur le canal des opérations, dès leur arrivée, les tickets du support qui contiennent les mots-clés de l’incident.
advice-alert-failure-rate = Déclenchez une alerte sur le taux d’échec du lecteur, minute par minute, pendant les sessions en direct.

finding-start-earlier-than-logged = L’impact a commencé à { $start }, { $before } avant le début noté par l’équipe ({ $logged }).
advice-log-start-from-first-signal = Notez le début d’un incident au premier signal venu des participants, pas au moment où l’équipe en prend conscience.

finding-target-met = Objectif atteint : { $label } a été de { $actual }, pour un objectif de { $target }.
finding-target-missed = Objectif manqué : { $label } a été de { $actual }, pour un objectif de { $target }, soit { $over } de trop.
advice-keep-practice = Gardez la pratique qui a permis d’atteindre cet objectif.
advice-detect-watch = { $source ->
    [mentions] Les réseaux sociaux montraient
    [tickets] Les tickets du support montraient
    [viewing] Les statistiques du lecteur montraient
   *[log] La main courante montrait
} l’incident dès { $at }, { $lead } avant sa détection : chargez une personne de suivre en direct les mentions et la file du support pendant chaque session, avec les mots-clés de l’incident sous la main.
advice-detect-alert = Déclenchez une alerte sur le taux d’échec du lecteur, minute par minute, et faites remonter sur le canal des opérations les tickets qui ressemblent à un incident, pour que la détection n’attende pas un signalement.
advice-communicate-delivery = L’étape la plus longue a été la remise : 90 % des e-mails d’incident ont été remis { $to_90 } après le premier envoi (de la détection au premier envoi : { $to_send }). Convenez avec le prestataire d’e-mailing du débit d’envoi nécessaire, et donnez une première information sur les réseaux sociaux et le site pendant que l’e-mail part.
advice-communicate-send-and-delivery = L’étape la plus longue a été celle de la détection au premier envoi ({ $to_send } ; du premier envoi à 90 % de remise : { $to_90 }) : gardez le message d’incident rédigé et validé à l’avance, et laissez la personne d’astreinte envoyer une première information sans attendre de correctif ni d’heure de retour prévue.
advice-communicate-send = L’étape la plus longue a été celle de la détection au premier envoi ({ $to_send }) : gardez le message d’incident rédigé et validé à l’avance, et laissez la personne d’astreinte envoyer une première information sans attendre de correctif ni d’heure de retour prévue.
advice-communicate-ready = Gardez un message d’incident prêt à l’avance pour chaque canal, et envoyez une première information sans attendre de correctif ni d’heure de retour prévue.
advice-mitigate-overrun = Les tentatives de correction ont dépassé leur temps imparti de { $overrun } au total : quand le temps imparti est écoulé, passez au plan suivant (B, C, D) sans attendre.
advice-mitigate-fallback = Décidez plus tôt de basculer sur la plateforme de secours : préparez-la avant l’événement, pour que ce soit une décision à prendre et non un chantier à mener.
advice-recover-after = Le rétablissement est intervenu { $after } après l’atténuation : diffusez le lien de secours sur tous les canaux à la fois (e-mail, réseaux sociaux, site, réponses types du support) dès que la solution de secours est en ligne.
advice-recover-review = Examinez ce qui a retardé le rétablissement ; répétez la bascule avant la prochaine édition.
advice-step-review = Examinez ce qui a retardé cette étape ; répétez-la avant la prochaine édition.

finding-attempt-overran = La tentative de correction « { $attempt } » ({ $at }) a dépassé de { $over } son temps imparti de { $timebox }.
advice-move-to-next-plan = Quand le temps imparti est écoulé, passez au plan suivant (B, C, D) sans attendre.

finding-negative-duration = { $label } serait négatif ({ $seconds } s) : { $later } vient après { $earlier }. L’erreur vient d’une horloge, d’un fuseau horaire ou d’une heure saisie à la main ; la durée n’est pas affichée.
finding-milestone-entry = { $milestone } à { $at } ({ $evidence })
advice-check-negative-duration = Vérifiez ces deux entrées et les fuseaux horaires de leurs sources ; corrigez l’heure dans la main courante, ou écrivez-la avec son décalage UTC.

finding-log-vs-data = La main courante place { $milestone } à { $logged }, les données à { $observed } ({ $apart } d’écart) ; c’est l’heure de la main courante qui est retenue.
advice-note-what-entries-refer-to = Précisez dans la main courante à quoi correspond chaque entrée, pour que la comparaison de l’an prochain porte sur les mêmes moments.

finding-affected-not-reached = L’e-mail d’incident n’a pas atteint { $missed ->
    [one] { $missed } participant touché
   *[other] { $missed } participants touchés
} : { $outcomes }.
outcome-bounced = { $n ->
    [one] { $n } adresse rejetée
   *[other] { $n } adresses rejetées
}
outcome-blocked = { $n ->
    [one] { $n } envoi bloqué
   *[other] { $n } envois bloqués
}
outcome-other = { $n ->
    [one] { $n } échec d’une autre nature
   *[other] { $n } échecs d’une autre nature
}
outcome-not-sent = { $n } à qui il n’a pas été envoyé
outcome-no-email = { $n } sans adresse e-mail connue
advice-clean-addresses-and-publish = Nettoyez les adresses rejetées et bloquées avant l’événement, et publiez aussi le lien de secours { $places }.
advice-clean-addresses = Nettoyez les adresses rejetées et bloquées avant l’événement ; les autres canaux ont été utilisés : vérifiez que le lien de secours y était bien visible.
place-on-website = sur le site
place-on-social = sur les réseaux sociaux
place-in-support-macros = dans les réponses types du support

finding-segment-still-failing = Après le rétablissement à { $recovered }, les vues avec { $dimension } = { $value } ont continué d’échouer sur les plateformes principales : { $failed ->
    [one] { $failed } de leurs { $active } vues y a échoué
   *[other] { $failed } de leurs { $active } vues y ont échoué
} ({ $share }), la dernière à { $last }. Le rétablissement n’était qu’un contournement : pour ces participants, la plateforme principale n’a jamais été rétablie.
advice-keep-segment-on-fallback = Gardez { $dimension } = { $value } sur la plateforme de secours tant que la plateforme principale n’est pas confirmée réparée pour ces participants, et obtenez un correctif du prestataire avant la prochaine édition.

finding-first-word-late = Les participants ont attendu { $wait } avant d’avoir une première information : l’impact a commencé à { $started }, la première communication est arrivée à { $first }.
advice-holding-message = Envoyez un message d’attente dans les { $within } qui suivent l’impact, sans attendre de correctif ni d’heure de retour prévue : dites que vous êtes au courant, et quand viendra le prochain point.
finding-long-silence = Les participants sont restés { $gap } sans nouvelles, du point d’information de { $from } jusqu’à { $until }.
advice-update-regularly = Donnez des nouvelles au moins toutes les { $every } jusqu’au rétablissement, même pour dire que rien n’a encore changé.
finding-single-channel = Les { $updates } points d’information sont tous passés par un seul canal ({ $channel }).
advice-several-channels = Informez sur plusieurs canaux à la fois : l’e-mail, les réseaux sociaux, le site et les réponses types du support touchent des personnes différentes.

finding-affected-did-not-open = { $share } des participants touchés que l’e-mail d’incident a atteints ne l’ont jamais ouvert ({ $unopened } sur { $reached }).
advice-not-email-alone = Ne comptez pas sur le seul e-mail pendant un direct : gardez le lien de secours bien visible là où les gens regardent (la page du lecteur, les réseaux sociaux, le site, le support).
advice-not-email-alone-also = Ne comptez pas sur le seul e-mail pendant un direct : mettez aussi le lien de secours { $places }.
place-also-social = sur les réseaux sociaux
place-also-website = sur le site
place-also-support-macros = dans les réponses types du support

finding-not-sent-incident-email = L’e-mail d’incident n’a pas été envoyé à { $participants ->
    [one] { $participants } participant { $who ->
        [registered] inscrit
       *[affected] touché
    }, alors qu’un e-mail d’une autre campagne lui est bien parvenu : il a été oublié lors de l’envoi.
   *[other] { $participants } participants { $who ->
        [registered] inscrits
       *[affected] touchés
    }, alors qu’un e-mail d’une autre campagne leur est bien parvenu : ils ont été oubliés lors de l’envoi.
}
finding-not-sent-incident-email-affected = { $affected ->
    [one] Parmi eux figurait { $affected } participant touché.
   *[other] Parmi eux figuraient { $affected } participants touchés.
}
advice-send-to-every-registered = Envoyez l’e-mail d’incident à la même liste que les rappels (tous les inscrits), et comparez son nombre de destinataires à celui des inscriptions avant l’envoi.

finding-tickets-around-communication = Tickets liés à l’incident dans les 30 minutes avant la première communication : { $before } ; dans les 30 minutes après : { $after }.
finding-fix-near-communication = Le correctif ({ $fixed }) est intervenu à moins de 10 minutes de la première communication ({ $first }) : les données ne permettent pas de distinguer l’effet du message sur le support de celui du correctif.
advice-holding-message-before-fix = Pour mesurer ce qu’un message change pour le support, envoyez un message d’attente dès la détection de l’incident, avant tout correctif.
advice-send-message-early = Envoyez le message d’incident préparé à l’avance le plus tôt possible : il soulage le support.
advice-message-did-not-ease = Le message n’a pas soulagé le support : vérifiez sa portée et sa formulation, et publiez-le sur tous les canaux.

## runbook.md (src/report/outputs.rs)

runbook-title = Notes pour les fiches réflexes : { $event }
runbook-window = Fenêtre de l’événement : { $window } ({ $zone }).
runbook-findings = Constats
runbook-no-findings = Aucun constat.
runbook-finding = **{ $severity }** ({ $id }) : { $text }
runbook-next-time = La prochaine fois : { $recommendation }
runbook-compared-with = Comparaison avec { $previous }
runbook-compare-header = | Indicateur | Cette édition | Précédente | Écart | |
runbook-actions = Actions
runbook-no-actions = Aucune action : ajoutez à lessons.md des lignes comme `- [ ] texte (responsable, due AAAA-MM-JJ)`, avec le mot « due » tel quel.
runbook-action = { $text } (responsable : { $owner }, échéance : { $due })
severity-name = { $severity ->
    [critical] critique
    [warning] attention
    [data] données
   *[info] info
}
compare-verdict = { $verdict ->
    [better] mieux
    [worse] moins bien
    [same] stable
   *[none] non comparable
}

## "Did our communication work?" (src/report/communication.rs)

cm-channel-email = e-mail
cm-channel-social = réseaux sociaux
cm-channel-website = site web
cm-channel-support = support
cm-channel-other = autre
cm-what-campaign = campagne d’e-mails { $campaign }
cm-what-post = publication sur { $network }
cm-what-post-any = publication sur les réseaux sociaux
cm-updates-title = Messages aux participants, par canal ({ $zone })
cm-longest-silence-label = plus long silence
cm-stage-affected = touchés
cm-stage-delivered = e-mail d’incident délivré
cm-stage-opened = l’ont ouvert
cm-stage-clicked = ont cliqué
cm-stage-back = regardent à nouveau dans les 15 minutes après leur clic
cm-funnel-title = Les participants touchés, de l’e-mail à la reprise du visionnage
cm-the-recovery-at = le rétablissement à { $at }
cm-longest-silence = Le plus long silence : { $duration }, du message de { $from } à { $to }.
cm-return-sentence = Des { $n } participants touchés revenus après avoir reçu l’e-mail d’incident, la moitié l’ont fait dans les { $median } suivant la remise (un quart dans les { $q1 }, les trois quarts dans les { $q3 }).

## Milestone evidence as the analysis words it (src/report/model.rs)

md-ev-onset-views = vues en échec : première minute anormale { $minute } ({ $failed } échecs sur { $active } vues actives, pour un taux de référence de { $share }) ; début à son premier échec
md-ev-onset-tickets = tickets liés à l’incident : la première fenêtre de 5 minutes au-dessus du niveau de référence de { $baseline } par 5 minutes s’ouvre sur ce ticket
md-ev-onset-mentions = mentions liées à l’incident : la première fenêtre de 5 minutes au-dessus du niveau de référence de { $baseline } par 5 minutes s’ouvre sur cette publication
md-timeline-milestone = { $label } : { $evidence }
## Charts (src/report/charts_data.rs, src/charts/)

ch-axis-local-time = heure locale ({ $zone })
# Graduation d’un axe de plusieurs jours : jour et mois en chiffres, puis l’heure.
ch-tick-day = { $day }/{ $month } { $time }
ch-marker-impact = début de l’impact { $time }
ch-marker-detected = détection { $time }
ch-marker-communicated = communication { $time }
ch-marker-mitigated = atténuation { $time }
ch-marker-recovered = rétablissement { $time }
ch-shade-incident = incident
ch-missing-timeline = Aucun jalon, début de signal ni tentative de correction n’est connu : pas de chronologie à tracer.
ch-missing-too-long = La fenêtre des graphiques (du { $from } au { $to }) dépasse { $days ->
        [one] { $days } jour
       *[other] { $days } jours
    } : vérifiez la fenêtre de l’évènement et les jalons ; les graphiques minute par minute sont omis.
ch-why-failures-unknown = Aucun export de visionnage ne permet de savoir qu’une vue a échoué : on ne sait donc pas qui a été touché.
ch-why-no-viewing = Aucune donnée de visionnage n’a été fournie.
ch-why-window-ends = Il faut les deux bornes de l’incident (début de l’impact et rétablissement).
ch-missing-audience = Aucune vue réussie n’indique à la fois une plateforme et un participant : les spectateurs actifs ne peuvent être comptés.
ch-missing-failures-unknown = Aucun export de visionnage ne permet de savoir qu’une vue a échoué : les vues en échec ne peuvent être tracées.
ch-missing-failures = Aucune vue en échec : rien à tracer.
ch-missing-waiting-nobody = Aucun participant n’a été touché : personne n’a attendu.
ch-missing-waiting = Le coût de l’attente ne peut être tracé. { $why }
ch-missing-email = Aucun e-mail d’incident n’a été délivré, ouvert ni cliqué.
ch-missing-support = Aucun ticket lié à l’incident : rien à tracer.
ch-missing-social = Aucune mention liée à l’incident : rien à tracer.
ch-channel-mentions = réseaux sociaux
ch-channel-tickets = tickets du support
ch-channel-viewing = données du lecteur vidéo
ch-channel-log = main courante (début déclaré)
ch-signal = { $channel } { $time }
ch-lane-detect = détection : { $duration }
ch-lane-communicate = communication (depuis la détection) : { $duration }
ch-lane-mitigate = atténuation : { $duration }
ch-lane-recover = rétablissement : { $duration }
ch-lane-attempt = tentative : { $text }
ch-lane-attempt-over = tentative : { $text } ({ $over } de dépassement)
ch-timeline-title = Chronologie de l’incident
ch-timeline-signals = Débuts des signaux
ch-timeline-response = La réponse de l’équipe
ch-timeline-attempts = Tentatives de correction
ch-legend-signal-onset = début d’un signal
ch-legend-phase = phase
ch-legend-recovery = rétablissement
ch-legend-attempt = tentative de correction (temps imparti en contour)
ch-legend-overrun = temps imparti dépassé
ch-legend-incident-window = période de l’incident
ch-audience-title = Audience : spectateurs actifs par minute, par plateforme
ch-audience-title-snapshots = Audience : spectateurs simultanés comptés par les plateformes elles-mêmes
ch-audience-title-both = Audience : spectateurs actifs par minute, par plateforme, et les comptes des plateformes elles-mêmes
ch-audience-y = spectateurs
ch-platform-fallback = { $platform } (secours)
ch-snapshot-label = { $platform } : son propre compte
ch-failures-title = Vues en échec par minute
ch-failures-title-segment = Vues en échec par minute : { $segment } face au reste
ch-failures-y = vues en échec par minute
ch-legend-elsewhere = ailleurs
ch-legend-anomalous-strip = minute anormale (trait au-dessus)
ch-legend-anomalous = minute anormale
ch-legend-other-minutes = autres minutes
ch-waiting-title = Le coût de l’attente : participants touchés pas encore revenus
ch-waiting-y = participants en attente
ch-legend-waiting-area = aire : { $total } minutes-participants perdues
ch-waiting-after-recovery = La première communication ({ $time }) est arrivée après le rétablissement : plus aucun participant touché ne l’attendait.
ch-waiting-nobody = Plus aucun participant touché n’attendait lors de la première communication ({ $time }).
ch-waiting-sentence = Lors de la première communication ({ $time }), { $n ->
        [one] { $n } participant touché attendait
       *[other] { $n } participants touchés attendaient
    } encore de pouvoir regarder : chaque minute gagnée aurait épargné environ { $n ->
        [one] { $n } minute-participant
       *[other] { $n } minutes-participants
    }.
ch-email-title = Portée de l’e-mail dans le temps : campagne { $campaign }
ch-email-affected-title = Portée de l’e-mail auprès des participants touchés (toute campagne d’incident)
ch-email-y = destinataires (cumul)
ch-email-beyond = Après la fin du graphique : { $delivered ->
        [one] { $delivered } délivré
       *[other] { $delivered } délivrés
    }, { $opened ->
        [one] { $opened } ouvert
       *[other] { $opened } ouverts
    } et { $clicked ->
        [one] { $clicked } cliqué
       *[other] { $clicked } cliqués
    } de plus (non tracés).
ch-recipients = destinataires
ch-delivered = délivrés
ch-opened = ouverts
ch-clicked = cliqués
ch-clicked-backup = ont cliqué sur le lien de secours
ch-not-available = n. d.
ch-funnel-title = Entonnoir de l’e-mail : campagne { $campaign }
# Une barre de l’entonnoir : son étape, son nombre et sa part de la première étape.
ch-funnel-stage = { $label } : { $count } ({ $share })
ch-support-title = Support : tickets d’incident par tranche de { $minutes } min et tickets ouverts
ch-support-reply-title = Première réponse : attente médiane des tickets d’incident créés dans chaque tranche de { $minutes } min
ch-support-y = tickets d’incident
ch-support-reply-y = minutes avant la première réponse
ch-legend-created-per = créés par tranche de { $minutes } min
ch-legend-open = ouverts (créés moins résolus, en cumul)
ch-social-title = Réseaux sociaux : mentions de l’incident par tranche de { $minutes } min, par tonalité
ch-social-y = mentions de l’incident par { $minutes } min
ch-sentiment-provided = tonalité fournie par la source
ch-sentiment-word-list = tonalité déduite de la liste de mots français et anglais intégrée à debrief : une tendance, pas un verdict
ch-legend-negative = négatives
ch-legend-neutral = neutres
ch-legend-positive = positives
ch-legend-update = un message
ch-legend-longest-silence = le plus long silence
ch-legend-attendees-watching = présents qui regardent, par tranche de { $minutes } min
ch-retention-y = part des présents
ch-web-y = requêtes
ch-legend-requests-per = requêtes par tranche de { $minutes } min
ch-returns-title = Minutes entre la remise de l’e-mail et le retour devant le direct
ch-returns-caption = Minutes entre la remise de l’e-mail et le retour devant le direct ({ $n ->
        [one] { $n } participant touché
       *[other] { $n } participants touchés
    })
ch-returns-x = minutes
ch-returns-median = médiane { $duration }

## Comparison with a previous edition (src/report/compare.rs)

cmp-time-to-detect = Délai de détection
cmp-time-to-communicate = Délai de communication
cmp-time-to-mitigate = Délai d’atténuation
cmp-time-to-recover = Délai de rétablissement
cmp-affected-participants = Participants touchés
cmp-segment-viewer-share = Part des spectateurs dans le segment touché
cmp-participant-minutes-lost = Minutes-participants perdues
cmp-affected-reached = Participants touchés atteints par l’e-mail d’incident
cmp-registered-reached = Inscrits atteints par l’e-mail d’incident
cmp-tickets-peak = Tickets d’incident dans la tranche de pic
cmp-first-reply-median = Première réponse médiane aux tickets d’incident
cmp-incident-mentions = Mentions liées à l’incident
cmp-negative-mentions = Mentions négatives de l’incident
cmp-attendance-rate = Taux de présence (présents sur inscrits)
cmp-peak-concurrent = Pic de spectateurs simultanés
cmp-average-minutes = Minutes regardées en moyenne par présent
cmp-all-mentions = Mentions, toutes confondues
cmp-lost-to-incident = Participants perdus à cause de l’incident
cmp-not-available = n. d.
# Variation d’une part, en points de pourcentage : « +3,4 pts ».
cmp-points = { $value } pts
cmp-previous-name-date = { $name } ({ $date })
cmp-previous-date = l’édition du { $date }
cmp-previous-unknown = l’édition précédente

## The event window in the report's header (src/report/model.rs)

md-window = { $date }, { $start } – { $end }
md-window-days = { $date }, { $start } – { $end_date }, { $end }

## Config warnings (src/analysis/guards.rs): the zone assumed

gr-zone-assumed = { $files } : les heures écrites sans fuseau ont été lues dans le fuseau de l’événement, { $zone } ([event].timezone) ; ni le fichier ni une entrée [[sources]] n’en donnent un. Si un outil les a écrites dans un autre fuseau (celui d’un compte Zendesk, l’horloge d’un ordinateur portable), indiquez-le par une entrée [[sources]] (path et timezone).
gr-zone-utc = { $files } : les heures écrites sans fuseau ont été lues en UTC, car debrief.toml ne fixe pas [event].timezone : indiquez-y le fuseau dans lequel écrivent vos outils (un nom IANA comme Europe/Paris), ou donnez à chaque fichier son fuseau par une entrée [[sources]].

## The other config warnings (src/analysis/guards.rs)

gr-zone-tickets-before = { $file } lit les mêmes tickets { $hours ->
        [one] 1 heure
       *[other] { $hours } heures
    } plus tôt que { $other } ({ $n } heures de création et de résolution comparées) : ses heures sont peut-être en { $candidate } plutôt qu’en { $zone }, le fuseau où elles ont été lues. Un CSV d’administration Zendesk est écrit dans le fuseau du compte : indiquez-le par une entrée [[sources]] (path = "{ $file }", timezone = "{ $name }").
gr-zone-tickets-after = { $file } lit les mêmes tickets { $hours ->
        [one] 1 heure
       *[other] { $hours } heures
    } plus tard que { $other } ({ $n } heures de création et de résolution comparées) : ses heures sont peut-être en { $candidate } plutôt qu’en { $zone }, le fuseau où elles ont été lues. Un CSV d’administration Zendesk est écrit dans le fuseau du compte : indiquez-le par une entrée [[sources]] (path = "{ $file }", timezone = "{ $name }").
gr-zone-moment-before = { $file } lit l’incident { $hours ->
        [one] 1 heure
       *[other] { $hours } heures
    } plus tôt que les autres exports ({ $what } à { $at } contre { $reference } à { $reference_at }, { $zone }) : ses heures sont peut-être en { $candidate } plutôt qu’en { $zone }. Si l’équipe travaille dans ce fuseau, indiquez-le dans [event].timezone ; sinon, donnez à ce fichier son fuseau par une entrée [[sources]] (path = "{ $file }", timezone = "{ $name }").
gr-zone-moment-after = { $file } lit l’incident { $hours ->
        [one] 1 heure
       *[other] { $hours } heures
    } plus tard que les autres exports ({ $what } à { $at } contre { $reference } à { $reference_at }, { $zone }) : ses heures sont peut-être en { $candidate } plutôt qu’en { $zone }. Si l’équipe travaille dans ce fuseau, indiquez-le dans [event].timezone ; sinon, donnez à ce fichier son fuseau par une entrée [[sources]] (path = "{ $file }", timezone = "{ $name }").
gr-candidate-named = { $zone } (UTC{ $offset } à cette date)
gr-candidate-offset = un fuseau à UTC{ $offset }
gr-moment-first-failed-views = les premières vues en échec
gr-moment-first-incident-tickets = les premiers tickets d’incident
gr-moment-first-incident-mentions = les premières mentions d’incident
gr-moment-its-start-entry = son entrée de début
gr-moment-its-detection-entry = son entrée de détection
gr-moment-its-first-failed-views = ses premières vues en échec
gr-moment-its-first-incident-tickets = ses premiers tickets d’incident
gr-moment-its-first-incident-mentions = ses premières mentions d’incident
gr-did-you-mean = (vouliez-vous dire « { $value } » ?)
gr-listed = « { $value } » ({ $detail })
gr-and-more = { $n ->
        [one] et { $n } autre
       *[other] et { $n } autres
    }
gr-no-campaign = Les exports d’e-mails ne nomment aucune campagne : l’e-mail d’incident ne peut être distingué des autres.
gr-first-sent = premier envoi { $at }
gr-no-time = sans heure
gr-campaigns-are = Campagnes des exports d’e-mails ({ $zone }) : { $list }.
gr-campaign-unknown = [incident].email_campaigns cite « { $value } », qui n’est aucune campagne des exports d’e-mails{ $mean } : sa portée n’est pas mesurée. { $what }
gr-no-tags = Les exports de tickets ne portent aucune étiquette.
gr-tickets = { $n ->
        [one] { $n } ticket
       *[other] { $n } tickets
    }
gr-tags-are = Étiquettes les plus utilisées : { $list }.
gr-tag-unknown = [incident].ticket_tags cite « { $value } », qu’aucun ticket ne porte{ $mean } : les tickets ne sont liés à l’incident que par [incident].keywords. { $what }
gr-clicks = { $n ->
        [one] { $n } clic
       *[other] { $n } clics
    }
gr-requests = { $n ->
        [one] { $n } requête
       *[other] { $n } requêtes
    }
gr-most-clicked = Les plus cliqués dans les e-mails : { $list }.
gr-most-requested = Les plus demandés sur le site web : { $list }.
gr-url-unknown = [incident].backup_urls cite « { $value } », qu’aucun lien cliqué ni aucune requête web ne contient : les clics sur le lien de secours ne sont pas comptés. { $what }
gr-no-platform = Les exports de visionnage ne nomment aucune plateforme.
gr-views = { $n ->
        [one] { $n } vue
       *[other] { $n } vues
    }
gr-platforms-are = Plateformes des exports de visionnage : { $list }.
gr-platform-unknown = [incident].fallback_platforms cite « { $value } », qui n’est aucune plateforme des exports de visionnage{ $mean } : le passage à la solution de secours ne peut être vu dans les données. { $what }
gr-handle-unknown = [org].social_handles cite « { $value } », qui n’a écrit aucune des { $posts } publications des exports de mentions ({ $authors } auteurs) : les publications de l’organisation, s’il y en a, comptent comme des mentions et non comme de la communication. Écrivez le compte comme les exports l’écrivent (la casse et un @ initial ne comptent pas).

## Ingest's reasons (src/ingest/, src/timeutil.rs) : pourquoi un fichier ou une ligne n’a pas
## servi, et les avertissements sur les lignes lues, dans le tableau de qualité des données.
## metrics.json et `debrief check` les écrivent en anglais. $field (colonne ou clé du fichier),
## $value (une cellule) et $error (message d’une autre bibliothèque) restent tels quels.

in-field = { $field } : { $reason }
in-at = { $place } : { $reason }
in-then = { $first } ; { $next }
in-place-record-item = enregistrement[{ $index }]
in-place-item = { $array }[{ $index }]
in-place-document = enregistrement { $index }
in-place-line = ligne { $line }
in-place-within = { $outer } { $inner }

in-missing = champ manquant
in-empty = vide
in-missing-or-not-a-number = manquant ou pas un nombre
in-missing-and-no = champ manquant (et pas de { $other })
in-not-a-date = pas une date : « { $value } »
in-not-a-number = pas un nombre : « { $value } »
in-not-a-boolean = pas un booléen : « { $value } »
in-not-a-count = pas un effectif : « { $value } »
in-not-a-viewer-count = pas un nombre de spectateurs : « { $value } »
in-before = antérieur à { $other }
in-before-as-written = antérieur à { $other } ({ $end } < { $start })
in-not-one-of = « { $value } » n’est pas l’une des valeurs { $list }
in-not-unix-seconds = { $value } n’est pas un nombre de secondes Unix entre 2000 et 2100
in-not-epoch = { $value } n’est ni en secondes ni en millisecondes Unix entre 2000 et 2100
in-unknown-event = événement { $vendor } inconnu : « { $value } »
in-no-canonical-event = « { $value } » ne correspond à aucun événement d’e-mail canonique (docs/definitions.md, Reach)
in-not-attendee-number = « { $value } » n’est pas un numéro de participant (notation de tableur ?)
in-not-ticket-id-notation = « { $value } » n’est pas un identifiant de ticket (notation de tableur ?)
in-not-ticket-id-number = « { $value } » n’est pas un identifiant de ticket (un tableur l’a peut-être converti en nombre)
in-not-live = absent (le direct n’était pas en cours à ce moment-là)
in-outside-years = « { $value } » est hors des années 2000 à 2099

in-brevo-no-time = ts_epoch, ts_event, ts et date : tous absents
in-not-attended = pas une séance de visionnage : l’inscrit n’y a pas assisté (Attended = No)
in-no-event-data = pas de « event-data » dans ce webhook
in-no-ticket = ni « ticket » ni « tickets » sur cette ligne
in-feed-no-post = élément du fil sans « post »
in-not-object = pas un objet JSON
in-invalid-json = JSON invalide : { $error }
in-ragged = { $fields ->
        [one] { $fields } champ
       *[other] { $fields } champs
    } alors que l’en-tête en a { $width }
in-unreadable-record = enregistrement CSV illisible : { $error }
in-unterminated-quote = guillemet non fermé : le champ entre guillemets de cet enregistrement court jusqu’à la fin du fichier
in-inside-unterminated = à l’intérieur du guillemet ouvert ligne { $line } et jamais fermé

in-dst-twice = { $local } existe deux fois dans le fuseau { $zone } ; lu comme { $offset }
in-dst-gap = { $local } n’existe pas dans le fuseau { $zone } (les horloges avancent) ; lu comme { $at }
in-dst-twice-refused = l’heure locale { $local } existe deux fois dans le fuseau { $zone } (les horloges reculent) : écrivez-la avec son décalage UTC
in-dst-gap-refused = l’heure locale { $local } n’existe pas dans le fuseau { $zone } (les horloges avancent) : écrivez-la avec son décalage UTC
in-local-time-not-exist = l’heure locale { $local } n’existe pas dans le fuseau { $zone }
in-empty-duration = durée vide
in-not-a-duration = pas une durée : « { $value } » (écrivez par exemple 10m, 90s, 1h30m)
in-duration-too-large = pas une durée : « { $value } » (trop grande)
in-duration-no-unit = pas une durée : « { $value } » (une unité h, m ou s est requise, par exemple 10m)

in-cannot-read = lecture impossible : { $error }
in-unknown-format = [[sources]] nomme le format « { $name } », qui n’est pas l’un de ceux-ci : { $known }
in-no-table = aucun tableau du format reconnu dans ce fichier
in-columnar-failed = { $format } n’a pas pu être lu : { $error } (un bogue de debrief : merci de le signaler)
in-not-recognised-nearest = format non reconnu ; le plus proche est { $format } ({ $table }), qui demande { $missing } (trouvé : { $found }). Décrivez-le avec [[sources]] dans debrief.toml
in-not-recognised-nearest-advice = format non reconnu ; le plus proche est { $format } ({ $table }), qui demande { $missing } (trouvé : { $found }) ; { $advice }. Décrivez-le avec [[sources]] dans debrief.toml
in-not-recognised = format non reconnu : aucun de ses noms de champ n’est celui d’un format connu (trouvé : { $found }). Décrivez-le avec [[sources]] dans debrief.toml
in-found-none = aucun
in-found-more = { $n ->
        [one] { $names } et { $n } autre
       *[other] { $names } et { $n } autres
    }
in-advice-x-request = demandez-la avec tweet.fields=created_at,public_metrics&expansions=author_id&user.fields=public_metrics
in-missing-columns = colonne(s) manquante(s) : { $missing } ; le fichier a : { $headers }
in-mapping-unknown-field = [[sources]] columns : « { $field } » n’est pas un champ de ce format ; ses champs sont { $fields }
in-mapping-no-column = [[sources]] columns : { $field } = « { $header } » n’est pas une colonne de ce fichier ; il a : { $headers }
in-missing-fields = colonne(s) manquante(s) pour { $missing } ; le fichier a : { $headers }. Indiquez-les avec [[sources]] columns dans debrief.toml
in-expected-csv = un fichier CSV était attendu
in-expected-json = du JSON était attendu, c’est du CSV
in-expected-document = un seul document JSON était attendu
in-expected-document-with = un seul document JSON avec « { $field } » était attendu, il y a un objet par ligne
in-not-an-array = « { $field } » n’est pas un tableau
in-json-neither = le document JSON n’est ni un objet ni un tableau d’objets
in-empty-file = fichier vide
in-empty-file-zero = fichier vide (0 octet)
in-empty-file-blank = fichier vide (rien que des blancs)
in-x-archive-no-bracket = un fichier d’archive X sans « [ » après son affectation
in-binary = fichier binaire ({ $kind }), pas un export texte ; un .xlsx s’enregistre en CSV
in-binary-zip = une archive zip, comme l’est un classeur .xlsx
in-binary-empty-zip = une archive zip vide
in-binary-ole2 = un document OLE2, comme l’est un classeur .xls
in-binary-png = une image PNG
in-binary-jpeg = une image JPEG
in-binary-gif = une image GIF
in-binary-pdf = un document PDF
in-binary-gzip = une archive gzip
in-binary-7z = une archive 7-Zip
in-binary-nul = des octets NUL : pas du texte, ou du texte UTF-16 sans son indicateur d’ordre des octets
in-utf16-odd = fichier UTF-16 au nombre d’octets impair : tronqué ?
in-utf16-invalid = fichier UTF-16 aux caractères invalides
in-truncated-json = JSON tronqué : le fichier s’arrête au milieu d’une valeur (ligne { $line }, colonne { $column })
in-invalid-json-at = JSON invalide ligne { $line }, colonne { $column } : { $error }
in-unreadable-header = en-tête illisible : { $error }

in-sendgrid-millis = { $n ->
        [one] { $n } événement a son horodatage en millisecondes, alors que SendGrid le documente en secondes : lu selon son ordre de grandeur
       *[other] { $n } événements ont leur horodatage en millisecondes, alors que SendGrid le documente en secondes : lus selon leur ordre de grandeur
    }
in-cloudflare-no-path = aucun chemin de requête dans ce journal : les chiffres du web demandent ClientRequestPath ou ClientRequestURI parmi les champs de la tâche Logpush
in-x-lacks = cette réponse de l’API v2 de X n’a pas { $fields } : { $consequence } ; { $advice }
in-x-lacks-time = ses publications ne peuvent pas être placées dans le temps
in-x-lacks-details = les auteurs, les abonnés ou les interactions sont inconnus
