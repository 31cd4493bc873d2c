# Le catalogue français de debrief : chaque texte du rapport qu’un lecteur voit, par clé.
# Chaque clé de locales/en.ftl doit exister ici (un test le vérifie).
# Typographie : espace fine insécable (U+202F) avant % et entre les milliers, espace insécable
# (U+00A0) avant « : » et à l’intérieur des guillemets « ».

## Écriture des nombres, durées, heures et dates (src/i18n/format.rs)

fmt-group-separator = {"\u202F"}
fmt-decimal-separator = ,
fmt-percent = { $value }{"\u202F"}%
fmt-duration-s = { $s } s
fmt-duration-min = { $min } min
fmt-duration-min-s = { $min } min { $s } s
fmt-duration-h-min = { $h } h { $min } min
fmt-clock = { $h } h { $mm }
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
rt-window-unknown = Fenêtre de l’évènement inconnue : renseignez [event] start et end dans debrief.toml
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
rt-provenance-log = journal
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
rt-audience = L’audience de l’évènement
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
rt-recovered = Dont revenus avant la fin de l’évènement
rt-minutes-lost = Minutes-participants perdues (du premier échec à la vue réussie suivante, ou au rétablissement)
rt-impact-needs-window = L’impact par participant demande les deux bornes de l’incident (début de l’impact et rétablissement).
rt-cost-of-waiting = Le coût de l’attente
rt-waiting-caption = Participants touchés qui ne regardent pas encore à nouveau : chacun attend de son premier échec à sa vue réussie suivante ou au rétablissement, selon ce qui vient d’abord. La hauteur de chaque minute est le nombre moyen de participants en attente ; l’aire, { $total } minutes-participants, est le total des minutes-participants perdues.
rt-waiting-data = Participants en attente, minute par minute
rt-waiting-column = Participants en attente (minutes-participants perdues dans la minute)
rt-reach = Portée de la communication de crise
rt-campaign = Campagne
rt-first-event = Premier évènement
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
rt-rule-impact-start = Le début de l’impact est le plus tôt entre l’entrée de début du journal d’exploitation et le début de chaque signal : vues en échec (test binomial par minute contre le taux d’échec médian, plancher de 1 % pour ouvrir un épisode et de 0,1 % pour le prolonger), tickets et mentions liés à l’incident (test de Poisson sur des fenêtres de 5 minutes contre le taux médian, plancher de 0,5 par heure).
rt-rule-log-wins = Hors début, une entrée du journal d’exploitation l’emporte sur une valeur observée ; les deux sont montrées quand elles diffèrent de plus de 5 minutes. La première communication est la plus tôt entre la première remise de l’e-mail d’incident, la première publication d’incident d’un compte de l’organisation et l’entrée de communication du journal.
rt-rule-identities = Les participants sont identifiés par un SHA-256 salé de leur adresse e-mail ; aucune adresse ni aucun numéro de téléphone n’apparaît dans les sorties.
rt-rule-dst = Une heure locale écrite sans son décalage qui tombe sur un changement d’heure est gardée : celle que les horloges ont affichée deux fois est lue comme sa première occurrence, celle qu’elles ont sautée est avancée de la durée du saut. Chacune compte comme un avertissement de son fichier, listé plus haut.

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
