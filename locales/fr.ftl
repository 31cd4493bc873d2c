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
