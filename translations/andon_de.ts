<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>TrendMenu</name>
    <message>
        <source>Trend %1</source>
        <translation>Trend %1</translation>
    </message>
    <message>
        <source>Trend all</source>
        <translation>Trend aller Werte</translation>
    </message>
</context>
<context>
    <name>andon::AccessControl</name>
    <message>
        <source>the audit journal is not open (no historian)</source>
        <translation>das Audit-Journal ist nicht geöffnet (kein Historian)</translation>
    </message>
    <message>
        <source>the audit entry could not be written: %1</source>
        <translation>der Audit-Eintrag konnte nicht geschrieben werden: %1</translation>
    </message>
    <message>
        <source>the password could not be hashed (out of memory)</source>
        <translation>das Passwort konnte nicht gehasht werden (kein Speicher mehr)</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>Das Passwort muss mindestens %n Zeichen lang sein.</numerusform>
            <numerusform>Das Passwort muss mindestens %n Zeichen lang sein.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is longer than %n characters.</source>
        <translation>
            <numerusform>Das Passwort ist länger als %n Zeichen.</numerusform>
            <numerusform>Das Passwort ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>Das Passwort darf nicht der Benutzername sein.</translation>
    </message>
    <message>
        <source>The user name is empty.</source>
        <translation>Der Benutzername ist leer.</translation>
    </message>
    <message numerus="yes">
        <source>The user name is longer than %n characters.</source>
        <translation>
            <numerusform>Der Benutzername ist länger als %n Zeichen.</numerusform>
            <numerusform>Der Benutzername ist länger als %n Zeichen.</numerusform>
        </translation>
    </message>
    <message>
        <source>The user name contains control characters.</source>
        <translation>Der Benutzername enthält Steuerzeichen.</translation>
    </message>
    <message>
        <source>The users store is not open.</source>
        <translation>Die Benutzerdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>User administration is refused: the audit journal is not open (no historian).</source>
        <translation>Benutzerverwaltung verweigert: Das Audit-Journal ist nicht geöffnet (kein Historian).</translation>
    </message>
    <message>
        <source>There is no user called %1.</source>
        <translation>Es gibt keinen Benutzer namens %1.</translation>
    </message>
    <message>
        <source>Sign-in failed: wrong user name or password.</source>
        <translation>Anmeldung fehlgeschlagen: falscher Benutzername oder falsches Passwort.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: this user name is locked until %1.</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen: Dieser Benutzername ist bis %1 gesperrt.</translation>
    </message>
    <message>
        <source>Sign-in as %1 refused: locked</source>
        <translation>Anmeldung als %1 verweigert: gesperrt</translation>
    </message>
    <message>
        <source>Failed sign-in as %1: unknown user</source>
        <translation>Fehlgeschlagene Anmeldung als %1: unbekannter Benutzer</translation>
    </message>
    <message numerus="yes">
        <source>%1 locked out after %n failed sign-ins</source>
        <translation>
            <numerusform>%1 nach %n fehlgeschlagenen Anmeldung gesperrt</numerusform>
            <numerusform>%1 nach %n fehlgeschlagenen Anmeldungen gesperrt</numerusform>
        </translation>
    </message>
    <message>
        <source>libsodium could not be initialised</source>
        <translation>libsodium konnte nicht initialisiert werden</translation>
    </message>
    <message>
        <source>Sign-in is not possible: the users store is not open.</source>
        <translation>Anmeldung nicht möglich: Die Benutzerdatenbank ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>Sign-in is not possible: the audit journal is not open (no historian).</source>
        <translation>Anmeldung nicht möglich: Das Audit-Journal ist nicht geöffnet (kein Historian).</translation>
    </message>
    <message>
        <source>Sign-in is not possible: the users store cannot be read.</source>
        <translation>Anmeldung nicht möglich: Die Benutzerdatenbank kann nicht gelesen werden.</translation>
    </message>
    <message>
        <source>Failed sign-in as %1: wrong password</source>
        <translation>Fehlgeschlagene Anmeldung als %1: falsches Passwort</translation>
    </message>
    <message>
        <source>Sign-in as %1 refused: account disabled</source>
        <translation>Anmeldung als %1 verweigert: Konto deaktiviert</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Dieses Konto ist deaktiviert; wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <source>%1 signed out (user switch to %2)</source>
        <translation>%1 abgemeldet (Benutzerwechsel zu %2)</translation>
    </message>
    <message>
        <source>%1 signed in as %2</source>
        <translation>%1 angemeldet als %2</translation>
    </message>
    <message>
        <source>Sign-in is not possible: %1</source>
        <translation>Anmeldung nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 signed out after the idle timeout</source>
        <translation>%1 nach Ablauf der Inaktivitätszeit abgemeldet</translation>
    </message>
    <message>
        <source>%1 signed out</source>
        <translation>%1 abgemeldet</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs the %2 role; you are signed in as %3.</source>
        <translation>&quot;%1&quot; erfordert die Rolle %2; Sie sind als %3 angemeldet.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs the %2 role; sign in first.</source>
        <translation>&quot;%1&quot; erfordert die Rolle %2; melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>The first user must be an administrator.</source>
        <translation>Der erste Benutzer muss ein Administrator sein.</translation>
    </message>
    <message>
        <source>A user called %1 exists already.</source>
        <translation>Ein Benutzer namens %1 existiert bereits.</translation>
    </message>
    <message>
        <source>User %1 added as %2</source>
        <translation>Benutzer %1 als %2 hinzugefügt</translation>
    </message>
    <message>
        <source>%1 has the role %2 already.</source>
        <translation>%1 hat bereits die Rolle %2.</translation>
    </message>
    <message>
        <source>%1 is the last administrator; add another one first.</source>
        <translation>%1 ist der letzte Administrator; fügen Sie zuerst einen weiteren hinzu.</translation>
    </message>
    <message>
        <source>Role of %1 changed from %2 to %3</source>
        <translation>Rolle von %1 von %2 auf %3 geändert</translation>
    </message>
    <message>
        <source>Password of %1 changed</source>
        <translation>Passwort von %1 geändert</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Melden Sie sich zuerst an.</translation>
    </message>
    <message>
        <source>The password cannot be changed: the users store or the audit journal is not open.</source>
        <translation>Das Passwort kann nicht geändert werden: Die Benutzerdatenbank oder das Audit-Journal ist nicht geöffnet.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Das aktuelle Passwort ist falsch.</translation>
    </message>
    <message>
        <source>%1 changed their own password</source>
        <translation>%1 hat das eigene Passwort geändert</translation>
    </message>
    <message>
        <source>%1 is disabled already.</source>
        <translation>%1 ist bereits deaktiviert.</translation>
    </message>
    <message>
        <source>%1 is enabled already.</source>
        <translation>%1 ist bereits aktiviert.</translation>
    </message>
    <message>
        <source>User %1 disabled</source>
        <translation>Benutzer %1 deaktiviert</translation>
    </message>
    <message>
        <source>User %1 enabled</source>
        <translation>Benutzer %1 aktiviert</translation>
    </message>
    <message>
        <source>User %1 unlocked</source>
        <translation>Benutzer %1 entsperrt</translation>
    </message>
</context>
<context>
    <name>andon::Action</name>
    <message>
        <source>Acknowledge alarms</source>
        <translation>Alarme quittieren</translation>
    </message>
    <message>
        <source>Shelve alarms</source>
        <translation>Alarme zurückstellen</translation>
    </message>
    <message>
        <source>Comment on alarms</source>
        <translation>Alarme kommentieren</translation>
    </message>
    <message>
        <source>Take alarms out of service</source>
        <translation>Alarme außer Betrieb nehmen</translation>
    </message>
    <message>
        <source>Change alarm settings</source>
        <translation>Alarmeinstellungen ändern</translation>
    </message>
    <message>
        <source>Enter stop and scrap reasons</source>
        <translation>Stillstands- und Ausschussgründe erfassen</translation>
    </message>
    <message>
        <source>Freeze SPC control limits</source>
        <translation>SPC-Eingriffsgrenzen einfrieren</translation>
    </message>
    <message>
        <source>Record maintenance service</source>
        <translation>Wartung erfassen</translation>
    </message>
    <message>
        <source>Write values to Modbus devices</source>
        <translation>Werte in Modbus-Geräte schreiben</translation>
    </message>
    <message>
        <source>Edit the configuration</source>
        <translation>Konfiguration bearbeiten</translation>
    </message>
    <message>
        <source>View the audit journal</source>
        <translation>Audit-Journal anzeigen</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Benutzer verwalten</translation>
    </message>
</context>
<context>
    <name>andon::Quality</name>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Good: local override</source>
        <translation>Gut: lokal überschrieben</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Uncertain: last known value</source>
        <translation>Unsicher: letzter bekannter Wert</translation>
    </message>
    <message>
        <source>Uncertain: sensor not accurate</source>
        <translation>Unsicher: Sensor ungenau</translation>
    </message>
    <message>
        <source>Uncertain: outside the engineering range</source>
        <translation>Unsicher: außerhalb des Messbereichs</translation>
    </message>
    <message>
        <source>Uncertain: sub-normal</source>
        <translation>Unsicher: eingeschränkte Datenbasis</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Schlecht</translation>
    </message>
    <message>
        <source>Bad: configuration error</source>
        <translation>Schlecht: Konfigurationsfehler</translation>
    </message>
    <message>
        <source>Bad: not connected, no value received yet</source>
        <translation>Schlecht: nicht verbunden, noch kein Wert empfangen</translation>
    </message>
    <message>
        <source>Bad: device failure</source>
        <translation>Schlecht: Gerätefehler</translation>
    </message>
    <message>
        <source>Bad: sensor failure</source>
        <translation>Schlecht: Sensorfehler</translation>
    </message>
    <message>
        <source>Bad: communication failure</source>
        <translation>Schlecht: Kommunikationsfehler</translation>
    </message>
    <message>
        <source>Bad: out of service</source>
        <translation>Schlecht: außer Betrieb</translation>
    </message>
    <message>
        <source>Stale: no update within the timeout</source>
        <translation>Veraltet: innerhalb der Überwachungszeit nicht aktualisiert</translation>
    </message>
    <message>
        <source>Bad: the payload could not be decoded</source>
        <translation>Schlecht: Nutzdaten nicht dekodierbar</translation>
    </message>
</context>
<context>
    <name>andon::Role</name>
    <message>
        <source>Viewer</source>
        <translation>Betrachter</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Bediener</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Schichtleiter</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>Ingenieur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>andon::models::MachineTileModel</name>
    <message>
        <source>Running</source>
        <translation>In Betrieb</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>Starved</source>
        <translation>Mangel</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Blockiert</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>Planned stop</source>
        <translation>Geplanter Stopp</translation>
    </message>
    <message>
        <source>Changeover</source>
        <translation>Umrüsten</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <translation>&lt; 1 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>No state, count or rate tag configured</source>
        <translation>Kein Zustands-, Zähler- oder Leistungs-Tag konfiguriert</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Unknown state %1</source>
        <translation>Unbekannter Zustand %1</translation>
    </message>
    <message>
        <source>Unknown — last: %1</source>
        <translation>Unbekannt — zuletzt: %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
</context>
<context>
    <name>andon::models::TagTableModel</name>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Unknown state %1</source>
        <translation>Unbekannter Zustand %1</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Ein</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Aus</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Keine Daten</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Unsicher</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Veraltet</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Schlecht</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Last minutes</source>
        <translation>Letzte Minuten</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>andon::models::TopicTreeModel</name>
    <message>
        <source>boolean</source>
        <translation>boolesch</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>null</source>
        <translation>null</translation>
    </message>
    <message>
        <source>array</source>
        <translation>Array</translation>
    </message>
    <message>
        <source>object</source>
        <translation>Objekt</translation>
    </message>
    <message>
        <source>1 metric</source>
        <translation>1 Metrik</translation>
    </message>
    <message>
        <source>%1 metrics</source>
        <translation>%1 Metriken</translation>
    </message>
    <message>
        <source> · seq %1</source>
        <translation> · seq %1</translation>
    </message>
    <message>
        <source>not a Sparkplug B payload: %1</source>
        <translation>keine Nutzdaten im Format Sparkplug B: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(leer)</translation>
    </message>
    <message>
        <source>%1 bytes: </source>
        <translation>%1 Bytes: </translation>
    </message>
    <message>
        <source>empty</source>
        <translation>leer</translation>
    </message>
    <message>
        <source>JSON</source>
        <translation>JSON</translation>
    </message>
    <message>
        <source>Sparkplug B</source>
        <translation>Sparkplug B</translation>
    </message>
    <message>
        <source>binary</source>
        <translation>binär</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Letzter Wert</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Rate (msg/s)</source>
        <translation>Rate (Nachr./s)</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Zuletzt empfangen</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retained</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (already bound to a tag)</source>
        <translation>%1 (bereits einem Tag zugeordnet)</translation>
    </message>
    <message>
        <source>(empty level)</source>
        <translation>(leere Ebene)</translation>
    </message>
    <message>
        <source>— (not in the last message)</source>
        <translation>— (nicht in der letzten Nachricht)</translation>
    </message>
    <message>
        <source>Sparkplug edge node</source>
        <translation>Edge-Knoten (Sparkplug)</translation>
    </message>
    <message>
        <source>Sparkplug device</source>
        <translation>Gerät (Sparkplug)</translation>
    </message>
    <message>
        <source>%1 · alias %2</source>
        <translation>%1 · Alias %2</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>retained</translation>
    </message>
    <message>
        <source>seq %1</source>
        <translation>seq %1</translation>
    </message>
    <message>
        <source>%1%2 (%3) = %4</source>
        <translation>%1%2 (%3) = %4</translation>
    </message>
    <message>
        <source>alias %1</source>
        <translation>Alias %1</translation>
    </message>
    <message>
        <source>(%1 bytes in total; the start is shown)</source>
        <translation>(insgesamt %1 Bytes; der Anfang wird angezeigt)</translation>
    </message>
</context>
<context>
    <name>andon::ui::AccessGate</name>
    <message>
        <source>%1 is not available here: nobody can sign in.</source>
        <translation>%1 ist hier nicht verfügbar: Niemand kann sich anmelden.</translation>
    </message>
</context>
<context>
    <name>andon::ui::AlarmSettingsDialog</name>
    <message>
        <source>Alarm settings</source>
        <translation>Alarmeinstellungen</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation>Definiert in</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Grenzwert</translation>
    </message>
    <message>
        <source>Setpoint</source>
        <translation>Sollwert</translation>
    </message>
    <message>
        <source>Deadband</source>
        <translation>Totband</translation>
    </message>
    <message>
        <source>On-delay</source>
        <translation>Einschaltverzögerung</translation>
    </message>
    <message>
        <source>Off-delay</source>
        <translation>Ausschaltverzögerung</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>0 to 3600 s</source>
        <translation>0 bis 3600 s</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Why (required; recorded with the change)</source>
        <translation>Begründung (erforderlich; wird mit der Änderung protokolliert)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Übernehmen</translation>
    </message>
    <message>
        <source>Change the alarm now and save it to the configuration</source>
        <translation>Alarm jetzt ändern und in der Konfiguration speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Unknown alarm %1</source>
        <translation>Unbekannter Alarm %1</translation>
    </message>
    <message>
        <source>/min</source>
        <translation>/min</translation>
    </message>
    <message>
        <source>%1/min</source>
        <translation>%1/min</translation>
    </message>
    <message>
        <source>%1 — raises when the value is above the limit</source>
        <translation>%1 — löst aus, wenn der Wert über dem Grenzwert liegt</translation>
    </message>
    <message>
        <source>%1 — raises when the value is below the limit</source>
        <translation>%1 — löst aus, wenn der Wert unter dem Grenzwert liegt</translation>
    </message>
    <message>
        <source>%1 — raises when the value is further from the setpoint than the limit</source>
        <translation>%1 — löst aus, wenn der Wert weiter als der Grenzwert vom Sollwert abweicht</translation>
    </message>
    <message>
        <source>%1 — raises when the value changes faster than the limit (over %2 s)</source>
        <translation>%1 — löst aus, wenn sich der Wert schneller als der Grenzwert ändert (über %2 s)</translation>
    </message>
    <message>
        <source>%1 — raises on the listed values; no limit</source>
        <translation>%1 — löst bei den aufgeführten Werten aus; kein Grenzwert</translation>
    </message>
    <message>
        <source>%1 — raises while the tag&apos;s quality is bad; no limit</source>
        <translation>%1 — löst aus, solange die Qualität des Tags schlecht ist; kein Grenzwert</translation>
    </message>
    <message>
        <source>no configuration file</source>
        <translation>keine Konfigurationsdatei</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, Zeile %2</translation>
    </message>
    <message>
        <source>This entry defines the alarm on each of %1; a change applies to all of them.</source>
        <translation>Dieser Eintrag definiert den Alarm jeweils für %1; eine Änderung gilt für alle.</translation>
    </message>
    <message>
        <source>Within the tag&apos;s range %1 to %2</source>
        <translation>Innerhalb des Tag-Bereichs %1 bis %2</translation>
    </message>
    <message>
        <source>Return-to-normal hysteresis (ISA-18.2 §5.3)</source>
        <translation>Hysterese für die Rückkehr in den Normalzustand (ISA-18.2 §5.3)</translation>
    </message>
    <message>
        <source>No historian is open: a change could not be audited, so it is refused.</source>
        <translation>Es ist kein Historian geöffnet: Eine Änderung könnte nicht protokolliert werden und wird daher verweigert.</translation>
    </message>
    <message>
        <source>SPC violation alarms are set on the characteristic&apos;s specification in the configuration.</source>
        <translation>SPC-Verletzungsalarme werden in der Konfiguration an der Spezifikation des Merkmals eingestellt.</translation>
    </message>
    <message>
        <source>Changes are recorded with your name (%1) and take effect immediately.</source>
        <translation>Änderungen werden mit Ihrem Namen (%1) protokolliert und sind sofort wirksam.</translation>
    </message>
    <message>
        <source>There is no configuration file to save them to: they hold until Andon restarts.</source>
        <translation>Es gibt keine Konfigurationsdatei, in der sie gespeichert werden können: Sie gelten bis zum Neustart von Andon.</translation>
    </message>
    <message>
        <source>They are saved to %1.</source>
        <translation>Sie werden in %1 gespeichert.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Es wurde nichts geändert.</translation>
    </message>
    <message>
        <source>Enter a reason: it is recorded with the change.</source>
        <translation>Geben Sie eine Begründung ein: Sie wird mit der Änderung protokolliert.</translation>
    </message>
    <message>
        <source>Changed: %1. Saved to %2, line %3.</source>
        <translation>Geändert: %1. Gespeichert in %2, Zeile %3.</translation>
    </message>
    <message>
        <source>Changed: %1. In force now, but not saved to the configuration (%2): it holds until Andon restarts.</source>
        <translation>Geändert: %1. Jetzt gültig, aber nicht in der Konfiguration gespeichert (%2): Gilt bis zum Neustart von Andon.</translation>
    </message>
</context>
<context>
    <name>andon::ui::AlarmsPage</name>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
    <message>
        <source>No historian is open: alarm actions cannot be recorded and are refused; history and KPIs are not available.</source>
        <translation>Es ist kein Historian geöffnet: Alarmaktionen können nicht protokolliert werden und werden verweigert; Historie und Kennzahlen sind nicht verfügbar.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historie</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Alle Prioritäten</translation>
    </message>
    <message>
        <source>Whole plant</source>
        <translation>Gesamte Anlage</translation>
    </message>
    <message>
        <source>Not normal</source>
        <translation>Nicht normal</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Unquittiert</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Zurückgestellt</translation>
    </message>
    <message>
        <source>Suppressed by design</source>
        <translation>Durch Auslegung unterdrückt</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Außer Betrieb</translation>
    </message>
    <message>
        <source>All alarms</source>
        <translation>Alle Alarme</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>Filtertext</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>First out</source>
        <translation>Erstmeldung</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Quittieren</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm (Space)</source>
        <translation>Ausgewählten Alarm quittieren (Leertaste)</translation>
    </message>
    <message>
        <source>Acknowledge page</source>
        <translation>Seite quittieren</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alarm in the list</source>
        <translation>Alle unquittierten Alarme in der Liste quittieren</translation>
    </message>
    <message>
        <source>Shelve…</source>
        <translation>Zurückstellen…</translation>
    </message>
    <message>
        <source>Take the selected alarm out of annunciation for a limited time</source>
        <translation>Ausgewählten Alarm für eine begrenzte Zeit aus der Meldung nehmen</translation>
    </message>
    <message>
        <source>Unshelve</source>
        <translation>Zurückstellung aufheben</translation>
    </message>
    <message>
        <source>Return the selected alarm now</source>
        <translation>Ausgewählten Alarm jetzt zurückholen</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Kommentar…</translation>
    </message>
    <message>
        <source>Add a note to the alarm&apos;s journal</source>
        <translation>Eine Notiz zum Journal des Alarms hinzufügen</translation>
    </message>
    <message>
        <source>Out of service…</source>
        <translation>Außer Betrieb…</translation>
    </message>
    <message>
        <source>Remove the selected alarm from service (maintenance), or return it</source>
        <translation>Ausgewählten Alarm außer Betrieb nehmen (Wartung) oder wieder in Betrieb nehmen</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Stummschalten</translation>
    </message>
    <message>
        <source>Stop the alarm sound until the next new alarm</source>
        <translation>Alarmton bis zum nächsten neuen Alarm abschalten</translation>
    </message>
    <message>
        <source>Shelve alarm</source>
        <translation>Alarm zurückstellen</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Begründung (erforderlich)</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Note for %1</source>
        <translation>Notiz zu %1</translation>
    </message>
    <message>
        <source>Why is %1 taken out of service?</source>
        <translation>Warum wird %1 außer Betrieb genommen?</translation>
    </message>
    <message>
        <source>Alarm, machine, user or text</source>
        <translation>Alarm, Maschine, Benutzer oder Text</translation>
    </message>
    <message>
        <source>System events</source>
        <translation>Systemereignisse</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Alarm / source</source>
        <translation>Alarm / Quelle</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Nach</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Export alarm history</source>
        <translation>Alarmhistorie exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Berechnen</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>Max / min</source>
        <translation>Max. / min</translation>
    </message>
    <message>
        <source>Active for</source>
        <translation>Aktivdauer</translation>
    </message>
    <message>
        <source>Top 10 bad actors</source>
        <translation>Top 10 der häufigsten Alarme</translation>
    </message>
    <message>
        <source>Chattering (3 or more in 1 min)</source>
        <translation>Flatteralarme (3 oder mehr in 1 min)</translation>
    </message>
    <message>
        <source>Standing and stale (over 24 h: ⚠)</source>
        <translation>Dauer- und Altalarme (über 24 h: ⚠)</translation>
    </message>
    <message>
        <source> (returned)</source>
        <translation> (zurückgekehrt)</translation>
    </message>
    <message>
        <source>no historian: alarm actions are not recorded</source>
        <translation>kein Historian: Alarmaktionen werden nicht protokolliert</translation>
    </message>
    <message>
        <source> until %1</source>
        <translation> bis %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>★ first</source>
        <translation>★ Erstmeldung</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) listed</source>
        <translation>
            <numerusform>%n Alarm aufgelistet</numerusform>
            <numerusform>%n Alarme aufgelistet</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged</source>
        <translation>
            <numerusform>%n unquittiert</numerusform>
            <numerusform>%n unquittiert</numerusform>
        </translation>
    </message>
    <message>
        <source> — sound on</source>
        <translation> — Ton an</translation>
    </message>
    <message>
        <source>Return to service</source>
        <translation>Wieder in Betrieb nehmen</translation>
    </message>
    <message>
        <source>Select an alarm first.</source>
        <translation>Wählen Sie zuerst einen Alarm aus.</translation>
    </message>
    <message>
        <source>No historian is open.</source>
        <translation>Es ist kein Historian geöffnet.</translation>
    </message>
    <message>
        <source>First %1 entries (newest first); narrow the search for more.</source>
        <translation>Erste %1 Einträge (neueste zuerst); grenzen Sie die Suche ein, um weitere zu sehen.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first</source>
        <translation>
            <numerusform>%n Eintrag, neueste zuerst</numerusform>
            <numerusform>%n Einträge, neueste zuerst</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Alarm history</source>
        <translation>Alarmhistorie</translation>
    </message>
    <message>
        <source>times in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; alarms annunciated — &lt;b&gt;%2&lt;/b&gt; per 10 min on average (ISA-18.2: ~1 acceptable, ~2 at most), at most &lt;b&gt;%3&lt;/b&gt; in one 10-minute period. &lt;b&gt;%4 %&lt;/b&gt; of the time in flood (%5 floods; target below 1 %). Priorities: %6 critical, %7 high, %8 medium, %9 low.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; Alarme gemeldet — durchschnittlich &lt;b&gt;%2&lt;/b&gt; pro 10 min (ISA-18.2: ~1 akzeptabel, ~2 höchstens), höchstens &lt;b&gt;%3&lt;/b&gt; in einem 10-Minuten-Zeitraum. &lt;b&gt;%4 %&lt;/b&gt; der Zeit in Alarmflut (%5 Alarmfluten; Ziel unter 1 %). Prioritäten: %6 kritisch, %7 hoch, %8 mittel, %9 niedrig.</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Trend %1</source>
        <translation>Trend %1</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Einstellungen bearbeiten…</translation>
    </message>
    <message>
        <source>Change the selected alarm&apos;s limit, deadband, delays or priority (recorded in the audit journal)</source>
        <translation>Grenzwert, Totband, Verzögerungen oder Priorität des ausgewählten Alarms ändern (wird im Audit-Journal protokolliert)</translation>
    </message>
</context>
<context>
    <name>andon::ui::AuditDialog</name>
    <message>
        <source>Audit journal</source>
        <translation>Audit-Journal</translation>
    </message>
    <message>
        <source>Audit (user actions)</source>
        <translation>Audit (Benutzeraktionen)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>SPC</source>
        <translation>SPC</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Instandhaltung</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Letzte 24 h</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>alle Benutzer</translation>
    </message>
    <message>
        <source>Search kind, source, values, message</source>
        <translation>Art, Quelle, Werte, Meldung durchsuchen</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Alter Wert</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Neuer Wert</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Save the entries shown as CSV (UTC and local time)</source>
        <translation>Angezeigte Einträge als CSV speichern (UTC und Ortszeit)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export audit journal</source>
        <translation>Audit-Journal exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>CSV-Dateien (*.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>⚠ No historian is open: there is no journal to show.</source>
        <translation>⚠ Es ist kein Historian geöffnet: Es gibt kein Journal zum Anzeigen.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first; times in local time (%1)</source>
        <translation>
            <numerusform>%n Eintrag, neueste zuerst; Zeiten in Ortszeit (%1)</numerusform>
            <numerusform>%n Einträge, neueste zuerst; Zeiten in Ortszeit (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source> — only the newest %1 are read: narrow the time range</source>
        <translation> — nur die neuesten %1 werden gelesen: Grenzen Sie den Zeitraum ein</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>andon::ui::BrowseBrokerDialog</name>
    <message>
        <source>Browse broker</source>
        <translation>Broker durchsuchen</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1 (%2:%3)</translation>
    </message>
    <message>
        <source>Root filter</source>
        <translation>Stammfilter</translation>
    </message>
    <message>
        <source>MQTT topic filter to subscribe to, e.g. acme/# or spBv1.0/#</source>
        <translation>Zu abonnierender MQTT-Topic-Filter, z. B. acme/# oder spBv1.0/#</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Durchsuchen</translation>
    </message>
    <message>
        <source>Search topics, JSON fields and Sparkplug metrics</source>
        <translation>Topics, JSON-Felder und Sparkplug-Metriken suchen</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Zustellung</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>Letzte Nutzdaten</translation>
    </message>
    <message>
        <source>Create binding…</source>
        <translation>Zuordnung erstellen…</translation>
    </message>
    <message>
        <source>Add a tag bound to the selected topic, JSON field or Sparkplug metric to the plant configuration</source>
        <translation>Der Anlagenkonfiguration einen Tag hinzufügen, der dem ausgewählten Topic, JSON-Feld oder der ausgewählten Sparkplug-Metrik zugeordnet ist</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid topic filter (&apos;#&apos; only as the whole last level, &apos;+&apos; only as a whole level)</source>
        <translation>&apos;%1&apos; ist kein gültiger Topic-Filter (&apos;#&apos; nur als ganze letzte Ebene, &apos;+&apos; nur als ganze Ebene)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stopp</translation>
    </message>
    <message>
        <source>No MQTT connection is configured. Add one under connections.mqtt in the plant configuration to browse a broker.</source>
        <translation>Keine MQTT-Verbindung konfiguriert. Fügen Sie unter connections.mqtt in der Anlagenkonfiguration eine hinzu, um einen Broker zu durchsuchen.</translation>
    </message>
    <message>
        <source>Choose a connection and a root filter, then Browse. Browsing uses its own client and never publishes.</source>
        <translation>Wählen Sie eine Verbindung und einen Stammfilter, dann Durchsuchen. Das Durchsuchen verwendet einen eigenen Client und veröffentlicht nie.</translation>
    </message>
    <message>
        <source>State: %1 · %2 as %3 · %4 topics · %5 messages</source>
        <translation>Zustand: %1 · %2 als %3 · %4 Topics · %5 Nachrichten</translation>
    </message>
    <message>
        <source>⚠ Showing the first %1 topics: new topics are not added (%2 messages skipped). Narrow the root filter to see the rest.</source>
        <translation>⚠ Die ersten %1 Topics werden angezeigt: Neue Topics werden nicht hinzugefügt (%2 Nachrichten übersprungen). Schränken Sie den Stammfilter ein, um den Rest zu sehen.</translation>
    </message>
    <message>
        <source>Select a topic, field or metric.</source>
        <translation>Wählen Sie ein Topic, ein Feld oder eine Metrik.</translation>
    </message>
    <message>
        <source>%1, %2 bytes</source>
        <translation>%1, %2 Bytes</translation>
    </message>
    <message>
        <source>topic level (no message on it)</source>
        <translation>Topic-Ebene (ohne eigene Nachricht)</translation>
    </message>
    <message>
        <source>%1 topics below</source>
        <translation>%1 Topics darunter</translation>
    </message>
    <message>
        <source>JSON field %1</source>
        <translation>JSON-Feld %1</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>Wert: %1</translation>
    </message>
    <message>
        <source>not in the last message (last seen: %1)</source>
        <translation>nicht in der letzten Nachricht (zuletzt gesehen: %1)</translation>
    </message>
    <message>
        <source>group %1, edge node %2</source>
        <translation>Gruppe %1, Edge-Knoten %2</translation>
    </message>
    <message>
        <source>group %1, edge node %2, device %3</source>
        <translation>Gruppe %1, Edge-Knoten %2, Gerät %3</translation>
    </message>
    <message>
        <source>Sparkplug B edge node</source>
        <translation>Edge-Knoten (Sparkplug B)</translation>
    </message>
    <message>
        <source>Sparkplug B device</source>
        <translation>Gerät (Sparkplug B)</translation>
    </message>
    <message>
        <source>Sparkplug B metric %1</source>
        <translation>Metrik %1 (Sparkplug B)</translation>
    </message>
    <message>
        <source>datatype %1 · units %2 · alias %3 · value %4%5</source>
        <translation>Datentyp %1 · Einheit %2 · Alias %3 · Wert %4%5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source> · already bound to a tag</source>
        <translation> · bereits einem Tag zugeordnet</translation>
    </message>
    <message>
        <source>%1 messages · %2 msg/s · last %3</source>
        <translation>%1 Nachrichten · %2 Nachr./s · zuletzt %3</translation>
    </message>
    <message>
        <source>QoS %1 · %2</source>
        <translation>QoS %1 · %2</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>retained</translation>
    </message>
    <message>
        <source>not retained</source>
        <translation>nicht retained</translation>
    </message>
    <message>
        <source>Added tag %1 at %2:%3 (previous version saved as %4). Restart Andon or reload the configuration to apply it.</source>
        <translation>Tag %1 in %2:%3 hinzugefügt (vorherige Version gespeichert als %4). Starten Sie Andon neu oder laden Sie die Konfiguration neu, um ihn zu übernehmen.</translation>
    </message>
</context>
<context>
    <name>andon::ui::ConnectionsPage</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>No data sources are configured. Add an MQTT connection to the plant configuration to receive live data.</source>
        <translation>Keine Datenquellen konfiguriert. Fügen Sie der Anlagenkonfiguration eine MQTT-Verbindung hinzu, um Live-Daten zu empfangen.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Verbindung</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Endpunkt</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Nachrichten</translation>
    </message>
    <message>
        <source>Decode errors</source>
        <translation>Dekodierfehler</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Letzter Fehler</translation>
    </message>
    <message>
        <source>Samples ingested: %1 · Historian: %2</source>
        <translation>Erfasste Messwerte: %1 · Historian: %2</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>verbunden</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>verbindet</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>verbindet erneut</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>getrennt</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>nicht gestartet</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>Nachrichten/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Verworfen</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Uhrzeitversatz</translation>
    </message>
    <message>
        <source>%1%2 s</source>
        <translation>%1%2 s</translation>
    </message>
    <message>
        <source>Modbus devices</source>
        <translation>Modbus-Geräte</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unit-ID</translation>
    </message>
    <message>
        <source>Round trip (ms)</source>
        <translation>Antwortzeit (ms)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Zeitüberschreitungen</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Ausnahmen</translation>
    </message>
    <message>
        <source>Comm errors</source>
        <translation>Kommunikationsfehler</translation>
    </message>
    <message>
        <source>Last exception</source>
        <translation>Letzte Ausnahme</translation>
    </message>
    <message>
        <source>Connection failures plus invalid or corrupt replies</source>
        <translation>Verbindungsfehler sowie ungültige oder beschädigte Antworten</translation>
    </message>
    <message>
        <source>Edge nodes (Sparkplug B)</source>
        <translation>Edge-Knoten (Sparkplug B)</translation>
    </message>
    <message>
        <source>Rebirth</source>
        <translation>Rebirth anfordern</translation>
    </message>
    <message>
        <source>Ask the selected edge node to publish its births again (NCMD Node Control/Rebirth)</source>
        <translation>Den ausgewählten Edge-Knoten bitten, seine Births erneut zu senden (NCMD Node Control/Rebirth)</translation>
    </message>
    <message>
        <source>No edge node has published a birth yet.</source>
        <translation>Noch kein Edge-Knoten hat ein Birth gesendet.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Edge node</source>
        <translation>Edge-Knoten</translation>
    </message>
    <message>
        <source>bdSeq</source>
        <translation>bdSeq</translation>
    </message>
    <message>
        <source>Last birth</source>
        <translation>Letztes Birth</translation>
    </message>
    <message>
        <source>Sequence errors</source>
        <translation>Sequenzfehler</translation>
    </message>
    <message>
        <source>Rebirths requested</source>
        <translation>Angeforderte Rebirths</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>fragt ab</translation>
    </message>
    <message>
        <source>not answering, retrying</source>
        <translation>antwortet nicht, neuer Versuch</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>gestoppt</translation>
    </message>
    <message>
        <source>idle (no tags bound)</source>
        <translation>inaktiv (keine Tags zugeordnet)</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>⚠ %1: %2</source>
        <translation>⚠ %1: %2</translation>
    </message>
    <message>
        <source>last %1 ms</source>
        <translation>zuletzt %1 ms</translation>
    </message>
    <message>
        <source>online</source>
        <translation>online</translation>
    </message>
    <message>
        <source>⚠ offline</source>
        <translation>⚠ offline</translation>
    </message>
    <message>
        <source>The node published its death or lost its connection</source>
        <translation>Der Knoten hat seinen Death gesendet oder seine Verbindung verloren</translation>
    </message>
    <message>
        <source>Last birth (%1)</source>
        <translation>Letztes Birth (%1)</translation>
    </message>
    <message>
        <source>Rebirth requested from %1/%2</source>
        <translation>Rebirth von %1/%2 angefordert</translation>
    </message>
    <message>
        <source>⚠ Cannot request a rebirth from %1/%2: connection %3 is not connected</source>
        <translation>⚠ Rebirth von %1/%2 kann nicht angefordert werden: Verbindung %3 ist nicht verbunden</translation>
    </message>
    <message>
        <source>Browse broker…</source>
        <translation>Broker durchsuchen…</translation>
    </message>
    <message>
        <source>Show the topics on a configured MQTT broker and create tag bindings from them (Ctrl+B)</source>
        <translation>Die Topics eines konfigurierten MQTT-Brokers anzeigen und daraus Tag-Zuordnungen erstellen (Ctrl+B)</translation>
    </message>
    <message>
        <source>Scan registers…</source>
        <translation>Register scannen…</translation>
    </message>
    <message>
        <source>Read a range of the selected device&apos;s registers and show it in every type and word order</source>
        <translation>Einen Registerbereich des ausgewählten Geräts lesen und in jedem Typ und jeder Wortreihenfolge anzeigen</translation>
    </message>
    <message>
        <source>Signal faults</source>
        <translation>Signalfehler</translation>
    </message>
    <message>
        <source>Last signal fault</source>
        <translation>Letzter Signalfehler</translation>
    </message>
    <message>
        <source>4-20 mA inputs that left the NAMUR NE 43 limits (below 4 or above 20 mA; below 3.8 or above 20.5 mA is a sensor or wire fault), counted since the start</source>
        <translation>4-20-mA-Eingänge, die die Grenzen nach NAMUR NE 43 verlassen haben (unter 4 oder über 20 mA; unter 3,8 oder über 20,5 mA ist ein Sensor- oder Leitungsfehler), gezählt seit dem Start</translation>
    </message>
    <message>
        <source>KPI publishing (UNS)</source>
        <translation>Kennzahlen-Veröffentlichung (UNS)</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <source>Last publish</source>
        <translation>Letzte Veröffentlichung</translation>
    </message>
    <message>
        <source>Messages the broker connection did not take (e.g. while it was down); they are sent again in the next round</source>
        <translation>Nachrichten, die die Broker-Verbindung nicht angenommen hat (z. B. während sie unterbrochen war); sie werden in der nächsten Runde erneut gesendet</translation>
    </message>
    <message>
        <source>IoT Hub events, kpi_topic %1</source>
        <translation>IoT-Hub-Ereignisse, kpi_topic %1</translation>
    </message>
    <message>
        <source>Device-to-cloud messages on %1 with the KPI topic as the property kpi_topic</source>
        <translation>Device-to-Cloud-Nachrichten auf %1 mit dem KPI-Topic als Eigenschaft kpi_topic</translation>
    </message>
    <message>
        <source>{path}: the ISA-95 path of each machine and line; {kpi}: oee/live, oee/shift, energy_per_unit/live, energy_per_unit/shift, state</source>
        <translation>{path}: der ISA-95-Pfad jeder Maschine und Linie; {kpi}: oee/live, oee/shift, energy_per_unit/live, energy_per_unit/shift, state</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>state</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>⚠ not running</source>
        <translation>⚠ läuft nicht</translation>
    </message>
    <message>
        <source>publish: is configured, but connection %1 has no client; see the log (andon.publish)</source>
        <translation>publish: ist konfiguriert, aber Verbindung %1 hat keinen Client; siehe Protokoll (andon.publish)</translation>
    </message>
    <message>
        <source>⚠ not getting through, retrying</source>
        <translation>⚠ kommt nicht durch, neuer Versuch</translation>
    </message>
    <message>
        <source>Connection %1 did not take the last messages (last failure %2); each round tries again, and the values retained on the broker stay until replaced</source>
        <translation>Verbindung %1 hat die letzten Nachrichten nicht angenommen (letzter Fehler %2); jede Runde versucht es erneut, und die auf dem Broker gespeicherten (retained) Werte bleiben bis zur Ersetzung erhalten</translation>
    </message>
    <message>
        <source>publishing</source>
        <translation>veröffentlicht</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>startet</translation>
    </message>
    <message>
        <source>last failure %1</source>
        <translation>letzter Fehler %1</translation>
    </message>
    <message>
        <source>Last publish (%1)</source>
        <translation>Letzte Veröffentlichung (%1)</translation>
    </message>
</context>
<context>
    <name>andon::ui::CreateBindingDialog</name>
    <message>
        <source>Create binding</source>
        <translation>Zuordnung erstellen</translation>
    </message>
    <message>
        <source>Sparkplug B metric &quot;%1&quot; of edge node %2/%3 on %4</source>
        <translation>Metrik &quot;%1&quot; (Sparkplug B) von Edge-Knoten %2/%3 auf %4</translation>
    </message>
    <message>
        <source>Sparkplug B metric &quot;%1&quot; of device %2/%3/%4 on %5</source>
        <translation>Metrik &quot;%1&quot; (Sparkplug B) von Gerät %2/%3/%4 auf %5</translation>
    </message>
    <message>
        <source>MQTT topic %1 on %2</source>
        <translation>MQTT-Topic %1 auf %2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;_&apos; and &apos;-&apos;; the tag&apos;s path is machine/name</source>
        <translation>Buchstaben, Ziffern, &apos;_&apos; und &apos;-&apos;; der Pfad des Tags ist Maschine/Name</translation>
    </message>
    <message>
        <source>Tag name</source>
        <translation>Tag-Name</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>e.g. °C, mm/s, parts</source>
        <translation>z. B. °C, mm/s, Teile</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>Nutzdatenformat</translation>
    </message>
    <message>
        <source>JSON Pointer, e.g. /value (empty: whole document)</source>
        <translation>JSON Pointer, z. B. /value (leer: ganzes Dokument)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>JSON Pointer to epoch ms/s or ISO-8601 (empty: receive time)</source>
        <translation>JSON Pointer auf Epoch-ms/s oder ISO-8601 (leer: Empfangszeit)</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Zeitstempel</translation>
    </message>
    <message>
        <source>JSON Pointer to a quality (empty: good)</source>
        <translation>JSON Pointer auf eine Qualität (leer: gut)</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Offset</translation>
    </message>
    <message>
        <source>Written to %1 (a backup is kept as %2.bak)</source>
        <translation>Wird in %1 geschrieben (eine Sicherung bleibt als %2.bak erhalten)</translation>
    </message>
    <message>
        <source>Add to configuration</source>
        <translation>Zur Konfiguration hinzufügen</translation>
    </message>
    <message>
        <source>⚠ Not written: %1</source>
        <translation>⚠ Nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>⚠ Not written: no historian is open, so the change could not be recorded in the audit journal.</source>
        <translation>⚠ Nicht geschrieben: Es ist kein Historian geöffnet, daher könnte die Änderung nicht im Audit-Journal protokolliert werden.</translation>
    </message>
    <message>
        <source>⚠ The audit journal did not record this change: %1</source>
        <translation>⚠ Das Audit-Journal hat diese Änderung nicht protokolliert: %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::DerivedPenDialog</name>
    <message>
        <source>Derived pen</source>
        <translation>Berechnete Kurve</translation>
    </message>
    <message>
        <source>e.g. Energy per part</source>
        <translation>z. B. Energie pro Teil</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>e.g. kWh/part</source>
        <translation>z. B. kWh/Teil</translation>
    </message>
    <message>
        <source>Decimals:</source>
        <translation>Dezimalstellen:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Einheit:</translation>
    </message>
    <message>
        <source>e.g. press2.power / (press2.rate * 60)</source>
        <translation>z. B. press2.power / (press2.rate * 60)</translation>
    </message>
    <message>
        <source>Expression:</source>
        <translation>Ausdruck:</translation>
    </message>
    <message>
        <source>Tags by path with dots for slashes, or any unique end of it (&quot;press2.power&quot;); + − * / ^, min(), max(), abs(), sqrt(), log(), if-then-else as a ? b : c. Double-click a tag to insert it.</source>
        <translation>Tags über den Pfad mit Punkten statt Schrägstrichen oder ein eindeutiges Pfadende (&quot;press2.power&quot;); + − * / ^, min(), max(), abs(), sqrt(), log(), Wenn-dann-sonst als a ? b : c. Doppelklicken Sie auf einen Tag, um ihn einzufügen.</translation>
    </message>
    <message>
        <source>Search tags…</source>
        <translation>Tags suchen…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Add pen</source>
        <translation>Kurve hinzufügen</translation>
    </message>
    <message>
        <source>Give the pen a name.</source>
        <translation>Geben Sie der Kurve einen Namen.</translation>
    </message>
    <message>
        <source>✓ Reads %1.</source>
        <translation>✓ Liest %1.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::EnergyPage</name>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Heute</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Gestern</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>pro Stunde</translation>
    </message>
    <message>
        <source>per shift</source>
        <translation>pro Schicht</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>pro Tag</translation>
    </message>
    <message>
        <source>No historian is open: the Energy page needs the recorded meters and states.</source>
        <translation>Es ist kein Historian geöffnet: Die Energieseite benötigt die aufgezeichneten Zähler und Zustände.</translation>
    </message>
    <message>
        <source>Energy by machine (kWh)</source>
        <translation>Energie pro Maschine (kWh)</translation>
    </message>
    <message>
        <source>Site power and demand (kW)</source>
        <translation>Standortleistung und Leistungsmittelwert (kW)</translation>
    </message>
    <message>
        <source>Idle energy (waste)</source>
        <translation>Leerlaufenergie (Verschwendung)</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>share</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <source>Main meter breakdown</source>
        <translation>Aufteilung des Hauptzählers</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>good units</source>
        <translation>Gutteile</translation>
    </message>
    <message>
        <source>kWh/unit</source>
        <translation>kWh/Einheit</translation>
    </message>
    <message>
        <source>Medium · line</source>
        <translation>Medium · Linie</translation>
    </message>
    <message>
        <source>total</source>
        <translation>gesamt</translation>
    </message>
    <message>
        <source>mean flow while stopped</source>
        <translation>mittl. Durchfluss im Stillstand</translation>
    </message>
    <message>
        <source>leak check</source>
        <translation>Leckageprüfung</translation>
    </message>
    <message>
        <source>no historian</source>
        <translation>kein Historian</translation>
    </message>
    <message>
        <source>Site %1 kWh · cost %2 %3</source>
        <translation>Standort %1 kWh · Kosten %2 %3</translation>
    </message>
    <message>
        <source> · CO₂e %1 kg</source>
        <translation> · CO₂e %1 kg</translation>
    </message>
    <message>
        <source> · base load %1 kW</source>
        <translation> · Grundlast %1 kW</translation>
    </message>
    <message>
        <source> · unmetered %1 kWh (%2 %)</source>
        <translation> · nicht erfasst %1 kWh (%2 %)</translation>
    </message>
    <message>
        <source>time zone %1</source>
        <translation>Zeitzone %1</translation>
    </message>
    <message>
        <source>computed in %1 ms; %2 warnings
%3</source>
        <translation>berechnet in %1 ms; %2 Warnungen
%3</translation>
    </message>
    <message>
        <source>Peak demand %1 kW (%2 min from %3)</source>
        <translation>Lastspitze %1 kW (%2 min ab %3)</translation>
    </message>
    <message>
        <source>No complete demand window yet</source>
        <translation>Noch kein vollständiges Messintervall</translation>
    </message>
    <message>
        <source> · limit %1 kW</source>
        <translation> · Grenze %1 kW</translation>
    </message>
    <message>
        <source> · running window %1–%2: %3 kW now, projected %4 kW</source>
        <translation> · laufendes Intervall %1–%2: jetzt %3 kW, Prognose %4 kW</translation>
    </message>
    <message>
        <source>⚠ Demand warning: projected %1 kW reaches %2 % of the %3 kW limit; keep the rest of the window below %4 kW. </source>
        <translation>⚠ Lastwarnung: Die Prognose von %1 kW erreicht %2 % der Grenze von %3 kW; halten Sie den Rest des Intervalls unter %4 kW. </translation>
    </message>
    <message>
        <source>site power (1 min)</source>
        <translation>Standortleistung (1 min)</translation>
    </message>
    <message>
        <source>demand (%1 min)</source>
        <translation>Leistungsmittelwert (%1 min)</translation>
    </message>
    <message>
        <source>limit %1 kW</source>
        <translation>Grenze %1 kW</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>Prognose</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <source>⚠ leak %1 min</source>
        <translation>⚠ Leckage %1 min</translation>
    </message>
    <message>
        <source>Flow stayed above %1 %2/h while the line was stopped; %3 %2 lost since %4</source>
        <translation>Der Durchfluss blieb bei stillstehender Linie über %1 %2/h; seit %4 %3 %2 verloren</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>no stop</source>
        <translation>kein Stillstand</translation>
    </message>
    <message>
        <source>The line did not stop long enough to judge a leak.</source>
        <translation>Die Linie stand nicht lange genug still, um eine Leckage zu beurteilen.</translation>
    </message>
    <message>
        <source>Main meter</source>
        <translation>Hauptzähler</translation>
    </message>
    <message>
        <source>Metered total</source>
        <translation>Gemessene Summe</translation>
    </message>
    <message>
        <source>unmetered rest</source>
        <translation>nicht erfasster Rest</translation>
    </message>
    <message>
        <source>Main meter minus the machines and sub-meters: lighting, HVAC, offices and losses</source>
        <translation>Hauptzähler abzüglich Maschinen und Unterzähler: Beleuchtung, Klimatechnik, Büros und Verluste</translation>
    </message>
    <message>
        <source>main meter</source>
        <translation>Hauptzähler</translation>
    </message>
</context>
<context>
    <name>andon::ui::FaceplateDialog</name>
    <message>
        <source>Faceplate — %1</source>
        <translation>Faceplate — %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Zeiten in %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Show the selected tags on the Trends page (or double-click a row)</source>
        <translation>Ausgewählte Tags auf der Seite Trends anzeigen (oder Doppelklick auf eine Zeile)</translation>
    </message>
    <message>
        <source>Write…</source>
        <translation>Schreiben…</translation>
    </message>
    <message>
        <source>Write a new value to the selected tag&apos;s Modbus device (asks for confirmation; recorded in the audit journal)</source>
        <translation>Einen neuen Wert in das Modbus-Gerät des ausgewählten Tags schreiben (mit Rückfrage; wird im Audit-Journal protokolliert)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Seit</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Alarm settings…</source>
        <translation>Alarmeinstellungen…</translation>
    </message>
    <message>
        <source>Change the limits, deadbands, delays or priorities of this machine&apos;s alarms (recorded in the audit journal)</source>
        <translation>Grenzwerte, Totbänder, Verzögerungen oder Prioritäten der Alarme dieser Maschine ändern (wird im Audit-Journal protokolliert)</translation>
    </message>
</context>
<context>
    <name>andon::ui::FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Administrator anlegen</translation>
    </message>
    <message>
        <source>No Andon user exists yet: create the administrator, who then adds the operators, supervisors and engineers.</source>
        <translation>Es gibt noch keinen Andon-Benutzer: Legen Sie den Administrator an, der dann die Bediener, Schichtleiter und Ingenieure hinzufügt.</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>z. B. admin</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>mindestens %n Zeichen</numerusform>
            <numerusform>mindestens %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Passwort wiederholen:</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Anlegen und anmelden</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
    <message>
        <source>Continue as a viewer; andon-cli user add can create the administrator too</source>
        <translation>Als Betrachter fortfahren; der Administrator kann auch mit andon-cli user add angelegt werden</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>No users store is open: the administrator cannot be saved.</source>
        <translation>Es ist keine Benutzerdatenbank geöffnet: Der Administrator kann nicht gespeichert werden.</translation>
    </message>
    <message>
        <source>A user exists already: sign in, or ask an administrator.</source>
        <translation>Es existiert bereits ein Benutzer: Melden Sie sich an oder wenden Sie sich an einen Administrator.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>The administrator was created but not signed in: %1</source>
        <translation>Der Administrator wurde angelegt, aber nicht angemeldet: %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::MainWindow</name>
    <message>
        <source>Andon</source>
        <translation>Andon</translation>
    </message>
    <message>
        <source>%1 — Andon</source>
        <translation>%1 — Andon</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Strg+%2)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Anlagenübersicht</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energie</translation>
    </message>
    <message>
        <source>SPC</source>
        <translation>SPC</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Trends</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarme</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Instandhaltung</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>&amp;Dunkles Design</translation>
    </message>
    <message>
        <source>No data sources configured</source>
        <translation>Keine Datenquellen konfiguriert</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>⚠ %1: %2</source>
        <translation>⚠ %1: %2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Samples: %1</source>
        <translation>Messwerte: %1</translation>
    </message>
    <message>
        <source>Historian: %1</source>
        <translation>Historian: %1</translation>
    </message>
    <message>
        <source>Historian: off</source>
        <translation>Historian: aus</translation>
    </message>
    <message>
        <source>Live view only: nothing is recorded.</source>
        <translation>Nur Live-Ansicht: es wird nichts aufgezeichnet.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>⚠ TLS hostname verification is off (tls.insecure): the broker&apos;s identity is not checked.</source>
        <translation>⚠ TLS-Hostnamenprüfung ist ausgeschaltet (tls.insecure): Die Identität des Brokers wird nicht geprüft.</translation>
    </message>
    <message>
        <source>Shift &amp;report…</source>
        <translation>&amp;Schichtbericht…</translation>
    </message>
    <message>
        <source>Open &amp;history…</source>
        <translation>&amp;Historie öffnen…</translation>
    </message>
    <message>
        <source>Review a copied historian file read-only on the Trends page</source>
        <translation>Eine kopierte Historian-Datei schreibgeschützt auf der Seite Trends auswerten</translation>
    </message>
    <message>
        <source>Open history</source>
        <translation>Historie öffnen</translation>
    </message>
    <message>
        <source>Andon historian (*.db *.sqlite);;All files (*)</source>
        <translation>Andon-Historian (*.db *.sqlite);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Extras</translation>
    </message>
    <message>
        <source>&amp;Browse broker…</source>
        <translation>&amp;Broker durchsuchen…</translation>
    </message>
    <message>
        <source>⚠ Historian: not writing, %1 samples waiting</source>
        <translation>⚠ Historian: schreibt nicht, %1 Messwerte warten</translation>
    </message>
</context>
<context>
    <name>andon::ui::MaintenancePage</name>
    <message>
        <source>Unknown</source>
        <translation>Unbekannt</translation>
    </message>
    <message>
        <source>Condition of every machine, most urgent first</source>
        <translation>Zustand aller Maschinen, dringendste zuerst</translation>
    </message>
    <message>
        <source>Record service…</source>
        <translation>Wartung erfassen…</translation>
    </message>
    <message>
        <source>Work list CSV…</source>
        <translation>Arbeitsliste als CSV…</translation>
    </message>
    <message>
        <source>Work list PDF…</source>
        <translation>Arbeitsliste als PDF…</translation>
    </message>
    <message>
        <source>No historian is open. The Maintenance page judges vibration, temperatures, motor current and service counters from the history: start Andon with a historian (historian.path in the plant configuration, or --db FILE; a copied cache works for offline review).</source>
        <translation>Es ist kein Historian geöffnet. Die Wartungsseite beurteilt Schwingungen, Temperaturen, Motorstrom und Wartungszähler anhand der Historie: Starten Sie Andon mit einem Historian (historian.path in der Anlagenkonfiguration oder --db FILE; für die Offline-Auswertung genügt ein kopierter Cache).</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Gesundheit</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Ursache</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>Vibration</source>
        <translation>Schwingung</translation>
    </message>
    <message>
        <source>Remaining life (90 % band)</source>
        <translation>Restlebensdauer (90-%-Band)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Fällig</translation>
    </message>
    <message>
        <source>Run hours</source>
        <translation>Betriebsstunden</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Zyklen</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>Wartung fällig</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Stops, last %1 days</source>
        <translation>Stillstände, letzte %1 Tage</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Stillstände</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Zuletzt</translation>
    </message>
    <message>
        <source>Service history</source>
        <translation>Wartungshistorie</translation>
    </message>
    <message>
        <source>no historian</source>
        <translation>kein Historian</translation>
    </message>
    <message>
        <source>as of %1 %2, the newest data in %3</source>
        <translation>Stand %1 %2, die neuesten Daten in %3</translation>
    </message>
    <message>
        <source>as of %1 %2 · refreshed every %3 s</source>
        <translation>Stand %1 %2 · Aktualisierung alle %3 s</translation>
    </message>
    <message>
        <source> · line %1</source>
        <translation> · Linie %1</translation>
    </message>
    <message>
        <source>No machine selected</source>
        <translation>Keine Maschine ausgewählt</translation>
    </message>
    <message>
        <source>%1 — vibration trend with ISO zones and remaining life</source>
        <translation>%1 — Schwingungstrend mit ISO-Zonen und Restlebensdauer</translation>
    </message>
    <message>
        <source>Vibration is not monitored on this machine.</source>
        <translation>Die Schwingung wird an dieser Maschine nicht überwacht.</translation>
    </message>
    <message>
        <source>Reaches zone %1 (%2 mm/s) in %3 h, at %4 — 90 % band %5 to %6 (%7 trend, adjusted R² %8). Plan the work before the early edge.</source>
        <translation>Erreicht Zone %1 (%2 mm/s) in %3 h, am %4 — 90-%-Band %5 bis %6 (Trend %7, korrigiertes R² %8). Planen Sie die Arbeiten vor dem frühesten Zeitpunkt ein.</translation>
    </message>
    <message>
        <source>beyond the horizon</source>
        <translation>jenseits des Horizonts</translation>
    </message>
    <message>
        <source>Already in zone %1: %2</source>
        <translation>Bereits in Zone %1: %2</translation>
    </message>
    <message>
        <source>No crossing foreseen within the horizon: %1</source>
        <translation>Innerhalb des Horizonts keine Überschreitung absehbar: %1</translation>
    </message>
    <message>
        <source>Remaining life: %1</source>
        <translation>Restlebensdauer: %1</translation>
    </message>
    <message>
        <source>Health %1 / 100, limited by %2</source>
        <translation>Gesundheitsindex %1 / 100, begrenzt durch %2</translation>
    </message>
    <message>
        <source>Vibration %1 mm/s, zone %2 (%3: A/B %4, B/C %5, C/D %6 mm/s)</source>
        <translation>Schwingung %1 mm/s, Zone %2 (%3: A/B %4, B/C %5, C/D %6 mm/s)</translation>
    </message>
    <message>
        <source>Temperature %1 °C, rise over ambient %2 K</source>
        <translation>Temperatur %1 °C, Erwärmung über Umgebung %2 K</translation>
    </message>
    <message>
        <source>Motor current %1 % from its normal</source>
        <translation>Motorstrom %1 % vom Normalwert</translation>
    </message>
    <message>
        <source>Motor current: learning its normal</source>
        <translation>Motorstrom: Normalwert wird gelernt</translation>
    </message>
    <message>
        <source>Since %1: %2 run hours, %3 cycles; service due %4</source>
        <translation>Seit %1: %2 Betriebsstunden, %3 Zyklen; Wartung fällig %4</translation>
    </message>
    <message>
        <source>now (overdue)</source>
        <translation>jetzt (überfällig)</translation>
    </message>
    <message>
        <source>Faults (unplanned down) in %1 days: %2, %3 min</source>
        <translation>Störungen (ungeplanter Stillstand) in %1 Tagen: %2, %3 min</translation>
    </message>
    <message>
        <source>%1 (fault)</source>
        <translation>%1 (Störung)</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>No service recorded.</source>
        <translation>Keine Wartung erfasst.</translation>
    </message>
    <message>
        <source>%1 · vibration</source>
        <translation>%1 · Schwingung</translation>
    </message>
    <message>
        <source>A/B</source>
        <translation>A/B</translation>
    </message>
    <message>
        <source>B/C</source>
        <translation>B/C</translation>
    </message>
    <message>
        <source>C/D</source>
        <translation>C/D</translation>
    </message>
    <message>
        <source>fit points (running)</source>
        <translation>Anpassungspunkte (in Betrieb)</translation>
    </message>
    <message>
        <source>90 % band</source>
        <translation>90-%-Band</translation>
    </message>
    <message>
        <source>%1 fit</source>
        <translation>Anpassung %1</translation>
    </message>
    <message>
        <source>zone %1 in %2 h
(%3–%4 h)</source>
        <translation>Zone %1 in %2 h
(%3–%4 h)</translation>
    </message>
    <message>
        <source>&gt; horizon</source>
        <translation>&gt; Horizont</translation>
    </message>
    <message>
        <source>no historian is open</source>
        <translation>kein Historian geöffnet</translation>
    </message>
    <message>
        <source>say what was done</source>
        <translation>geben Sie an, was gemacht wurde</translation>
    </message>
    <message>
        <source>the event journal refused it</source>
        <translation>das Ereignisjournal hat es abgelehnt</translation>
    </message>
    <message>
        <source>Service not recorded: %1</source>
        <translation>Wartung nicht erfasst: %1</translation>
    </message>
    <message>
        <source>Service recorded for %1</source>
        <translation>Wartung für %1 erfasst</translation>
    </message>
    <message>
        <source>nothing computed yet</source>
        <translation>noch nichts berechnet</translation>
    </message>
    <message>
        <source>Export work list (PDF)</source>
        <translation>Arbeitsliste exportieren (PDF)</translation>
    </message>
    <message>
        <source>Export work list (CSV)</source>
        <translation>Arbeitsliste exportieren (CSV)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Work list written to %1</source>
        <translation>Arbeitsliste gespeichert in %1</translation>
    </message>
    <message>
        <source>Work list not written: %1</source>
        <translation>Arbeitsliste nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>Record what was done on the selected machine and reset the counters it renewed (event journal)</source>
        <translation>Erfassen, was an der ausgewählten Maschine gemacht wurde, und die dabei erneuerten Zähler zurücksetzen (Ereignisjournal)</translation>
    </message>
    <message>
        <source>%1 run hours since %2, %3 cycles since %4; service due %5</source>
        <translation>%1 Betriebsstunden seit %2, %3 Zyklen seit %4; Wartung fällig %5</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>good</source>
        <translation>gut</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>%1 / %2 / %3 particles per mL</source>
        <translation>%1 / %2 / %3 Partikel pro mL</translation>
    </message>
    <message>
        <source>Oil cleanliness ISO 4406 %1 (target %2) %3</source>
        <translation>Ölreinheit ISO 4406 %1 (Ziel %2) %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 steps above the target</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 Stufen über dem Ziel</translation>
    </message>
    <message>
        <source>Oil cleanliness ISO 4406 %1 (target %2) — %3</source>
        <translation>Ölreinheit ISO 4406 %1 (Ziel %2) — %3</translation>
    </message>
    <message>
        <source>Reaches its alarm code (%1) in %2 h (%3–%4 h)</source>
        <translation>Erreicht seinen Alarmcode (%1) in %2 h (%3–%4 h)</translation>
    </message>
    <message>
        <source>Oil remaining life: %1</source>
        <translation>Restlebensdauer des Öls: %1</translation>
    </message>
    <message>
        <source>Water in oil %1 (alert %2, alarm %3) — %4</source>
        <translation>Wasser im Öl %1 (Warnung %2, Alarm %3) — %4</translation>
    </message>
    <message>
        <source>%1 ppm</source>
        <translation>%1 ppm</translation>
    </message>
    <message>
        <source>%1 % saturation</source>
        <translation>%1 % Sättigung</translation>
    </message>
    <message>
        <source>Oil permittivity %1 (%2 % from new oil %3) — %4</source>
        <translation>Ölpermittivität %1 (%2 % Abweichung vom Neuöl %3) — %4</translation>
    </message>
    <message>
        <source>Oil viscosity %1 mm²/s (%2 % from new oil) — %3</source>
        <translation>Ölviskosität %1 mm²/s (%2 % Abweichung vom Neuöl) — %3</translation>
    </message>
    <message>
        <source>Oil viscosity %1 % from new oil — %2</source>
        <translation>Ölviskosität %1 % Abweichung vom Neuöl — %2</translation>
    </message>
    <message>
        <source>Oil acid number %1 mg KOH/g (+%2 over new oil) — %3</source>
        <translation>Säurezahl des Öls %1 mg KOH/g (+%2 gegenüber Neuöl) — %3</translation>
    </message>
</context>
<context>
    <name>andon::ui::ModbusWriteDialog</name>
    <message>
        <source>FC5 — write single coil</source>
        <translation>FC5 — einzelne Coil schreiben</translation>
    </message>
    <message>
        <source>FC6 — write single register</source>
        <translation>FC6 — einzelnes Register schreiben</translation>
    </message>
    <message>
        <source>FC15 — write multiple coils</source>
        <translation>FC15 — mehrere Coils schreiben</translation>
    </message>
    <message>
        <source>FC16 — write multiple registers</source>
        <translation>FC16 — mehrere Register schreiben</translation>
    </message>
    <message>
        <source>none (read-only table)</source>
        <translation>keiner (schreibgeschützte Tabelle)</translation>
    </message>
    <message>
        <source>This tag is not read from a Modbus device, so it cannot be written here.</source>
        <translation>Dieser Tag wird nicht von einem Modbus-Gerät gelesen und kann daher hier nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>%1 is read-only: writes are off unless its Modbus binding says &quot;writable: true&quot; in the plant configuration.</source>
        <translation>%1 ist schreibgeschützt: Schreiben ist gesperrt, solange seine Modbus-Zuordnung in der Anlagenkonfiguration nicht &quot;writable: true&quot; enthält.</translation>
    </message>
    <message>
        <source>No historian is open, so this write could not be recorded in the audit journal. Writes are refused without an audit record: start Andon with a historian.</source>
        <translation>Es ist kein Historian geöffnet, daher könnte dieser Schreibvorgang nicht im Audit-Journal protokolliert werden. Ohne Audit-Eintrag wird das Schreiben verweigert: Starten Sie Andon mit einem Historian.</translation>
    </message>
    <message>
        <source>Modbus polling is not running, so nothing can be written.</source>
        <translation>Die Modbus-Abfrage läuft nicht, daher kann nichts geschrieben werden.</translation>
    </message>
    <message>
        <source>Write to Modbus device — %1</source>
        <translation>In Modbus-Gerät schreiben — %1</translation>
    </message>
    <message>
        <source>unknown tag</source>
        <translation>unbekannter Tag</translation>
    </message>
    <message>
        <source>Write a new value to the device</source>
        <translation>Einen neuen Wert in das Gerät schreiben</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Maschine:</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Tag:</source>
        <translation>Tag:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Einheit:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>%1 — %2, unit id %3</source>
        <translation>%1 — %2, Unit-ID %3</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Adresse:</translation>
    </message>
    <message>
        <source>%1 (Modicon reference; protocol address %2)</source>
        <translation>%1 (Modicon-Referenz; Protokolladresse %2)</translation>
    </message>
    <message>
        <source>%1 (protocol address, 0-based)</source>
        <translation>%1 (Protokolladresse, ab 0)</translation>
    </message>
    <message>
        <source>coil (one bit)</source>
        <translation>Coil (ein Bit)</translation>
    </message>
    <message>
        <source>%1, order %2 (1 register)</source>
        <translation>%1, Reihenfolge %2 (1 Register)</translation>
    </message>
    <message>
        <source>%1, order %2 (%3 registers)</source>
        <translation>%1, Reihenfolge %2 (%3 Register)</translation>
    </message>
    <message>
        <source>, value = raw × %1 + %2</source>
        <translation>, Wert = roh × %1 + %2</translation>
    </message>
    <message>
        <source>Data type:</source>
        <translation>Datentyp:</translation>
    </message>
    <message>
        <source>Function code:</source>
        <translation>Funktionscode:</translation>
    </message>
    <message>
        <source> (write_multiple)</source>
        <translation> (write_multiple)</translation>
    </message>
    <message>
        <source>Current value:</source>
        <translation>Aktueller Wert:</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>Neuer Wert:</translation>
    </message>
    <message>
        <source>Sends:</source>
        <translation>Sendet:</translation>
    </message>
    <message>
        <source>Allowed: %1 (off) or %2 (on)</source>
        <translation>Zulässig: %1 (aus) oder %2 (ein)</translation>
    </message>
    <message>
        <source>Allowed by the data type: %1 … %2 %3</source>
        <translation>Laut Datentyp zulässig: %1 … %2 %3</translation>
    </message>
    <message>
        <source>; tag range %1 … %2 %3</source>
        <translation>; Tag-Bereich %1 … %2 %3</translation>
    </message>
    <message>
        <source>The write is recorded in the audit journal as %1.</source>
        <translation>Der Schreibvorgang wird im Audit-Journal als %1 protokolliert.</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Schreiben</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>no value yet</source>
        <translation>noch kein Wert</translation>
    </message>
    <message>
        <source>%1 · Good</source>
        <translation>%1 · Gut</translation>
    </message>
    <message>
        <source>%1 · ⚠ %2</source>
        <translation>%1 · ⚠ %2</translation>
    </message>
    <message>
        <source>enter a value</source>
        <translation>Wert eingeben</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; ist keine Zahl</translation>
    </message>
    <message>
        <source>%1 %2 is outside the tag&apos;s range %3 … %4 %2</source>
        <translation>%1 %2 liegt außerhalb des Tag-Bereichs %3 … %4 %2</translation>
    </message>
    <message>
        <source>⚠ Cannot write: %1</source>
        <translation>⚠ Schreiben nicht möglich: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>on</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>off</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>%1 = %2 (%3)</source>
        <translation>%1 = %2 (%3)</translation>
    </message>
    <message>
        <source>raw %1 → %2</source>
        <translation>roh %1 → %2</translation>
    </message>
    <message>
        <source>⚠ Not written: %1</source>
        <translation>⚠ Nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Wird geschrieben…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Written: %1 to %2 (%3, FC%4). The new value is read back with the next poll.</source>
        <translation>Geschrieben: %1 in %2 (%3, FC%4). Der neue Wert wird mit der nächsten Abfrage zurückgelesen.</translation>
    </message>
    <message>
        <source>no historian is open</source>
        <translation>kein Historian geöffnet</translation>
    </message>
    <message>
        <source>⚠ The audit journal did not record this attempt: %1</source>
        <translation>⚠ Das Audit-Journal hat diesen Versuch nicht protokolliert: %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::OeePage</name>
    <message>
        <source>Below target</source>
        <translation>Unter Ziel</translation>
    </message>
    <message>
        <source>Machine or line:</source>
        <translation>Maschine oder Linie:</translation>
    </message>
    <message>
        <source>Line %1 (bottleneck)</source>
        <translation>Linie %1 (Engpass)</translation>
    </message>
    <message>
        <source>No historian is open. The OEE page computes availability, performance and quality from the history of states and counts: start Andon with a historian (historian.path in the plant configuration, or --db FILE).</source>
        <translation>Es ist kein Historian geöffnet. Die OEE-Seite berechnet Verfügbarkeit, Leistung und Qualität aus der Historie der Zustände und Zählwerte: Starten Sie Andon mit einem Historian (historian.path in der Anlagenkonfiguration oder --db FILE).</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Verfügbarkeit</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <source>Target vs actual</source>
        <translation>Soll/Ist</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>A %</source>
        <translation>V %</translation>
    </message>
    <message>
        <source>P %</source>
        <translation>L %</translation>
    </message>
    <message>
        <source>Q %</source>
        <translation>Q %</translation>
    </message>
    <message>
        <source>OEE %</source>
        <translation>OEE %</translation>
    </message>
    <message>
        <source>Planned h</source>
        <translation>Plan h</translation>
    </message>
    <message>
        <source>Run h</source>
        <translation>Lauf h</translation>
    </message>
    <message>
        <source>Down h</source>
        <translation>Stillst. h</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ausschuss</translation>
    </message>
    <message>
        <source>States in this shift</source>
        <translation>Zustände in dieser Schicht</translation>
    </message>
    <message>
        <source>Downtime by reason (min, cumulative %)</source>
        <translation>Stillstand nach Grund (min, kumuliert %)</translation>
    </message>
    <message>
        <source>This and previous shifts</source>
        <translation>Aktuelle und vorherige Schichten</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Unexplained stops ≥ micro-stop limit (click to give a reason)</source>
        <translation>Unbegründete Stillstände ≥ Mikrostillstandsgrenze (zum Begründen klicken)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Maschine</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>no historian</source>
        <translation>kein Historian</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Nicht zugeordnet</translation>
    </message>
    <message>
        <source>%1 — shift %2, %3 – %4 (%5)</source>
        <translation>%1 — Schicht %2, %3 – %4 (%5)</translation>
    </message>
    <message>
        <source> · bottleneck: %1</source>
        <translation> · Engpass: %1</translation>
    </message>
    <message>
        <source>%1 — no shift</source>
        <translation>%1 — keine Schicht</translation>
    </message>
    <message>
        <source>updated %1 (%2 ms)</source>
        <translation>aktualisiert %1 (%2 ms)</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n warning(s)</source>
        <translation>
            <numerusform>⚠ %n Warnung</numerusform>
            <numerusform>⚠ %n Warnungen</numerusform>
        </translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Bottleneck: %1</source>
        <translation>Engpass: %1</translation>
    </message>
    <message>
        <source>Unknown time (no data): %1 h</source>
        <translation>Unbekannte Zeit (keine Daten): %1 h</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1 (jetzt)</translation>
    </message>
    <message>
        <source>No data for this shift</source>
        <translation>Keine Daten für diese Schicht</translation>
    </message>
    <message>
        <source>⚠ Not recorded: %1</source>
        <translation>⚠ Nicht erfasst: %1</translation>
    </message>
    <message>
        <source>Click a stop to give its reason</source>
        <translation>Klicken Sie auf einen Stillstand, um ihn zu begründen</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>%1 (bottleneck)</source>
        <translation>%1 (Engpass)</translation>
    </message>
</context>
<context>
    <name>andon::ui::OeePageComputer</name>
    <message>
        <source>day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>No shift in the last week</source>
        <translation>Keine Schicht in der letzten Woche</translation>
    </message>
    <message>
        <source>no planned production time in this shift yet</source>
        <translation>noch keine geplante Produktionszeit in dieser Schicht</translation>
    </message>
    <message>
        <source>the machine has not run in this shift</source>
        <translation>die Maschine ist in dieser Schicht nicht gelaufen</translation>
    </message>
    <message>
        <source>no ideal cycle time or no counts</source>
        <translation>keine ideale Zykluszeit oder keine Zählwerte</translation>
    </message>
    <message>
        <source>no parts counted in this shift</source>
        <translation>keine Teile in dieser Schicht gezählt</translation>
    </message>
    <message>
        <source>Shift %1</source>
        <translation>Schicht %1</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Schicht</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Tag %1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Week: 7 days to %1</source>
        <translation>Woche: 7 Tage bis %1</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Woche</translation>
    </message>
</context>
<context>
    <name>andon::ui::OverviewPage</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>The configuration defines no production lines, so there is nothing to show here. Add lines and machines to the plant configuration.</source>
        <translation>Die Konfiguration enthält keine Produktionslinien, daher gibt es hier nichts anzuzeigen. Fügen Sie der Anlagenkonfiguration Linien und Maschinen hinzu.</translation>
    </message>
    <message>
        <source>parts/min</source>
        <translation>Teile/min</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>In Betrieb</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Gestört</translation>
    </message>
    <message>
        <source>Machines running / machines on the line</source>
        <translation>Maschinen in Betrieb / Maschinen der Linie</translation>
    </message>
    <message>
        <source>Plant overview</source>
        <translation>Werksübersicht</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Anzeigen</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Alle Linien</translation>
    </message>
    <message>
        <source>Machines in an unplanned stop</source>
        <translation>Maschinen im ungeplanten Stillstand</translation>
    </message>
    <message>
        <source>Line output</source>
        <translation>Linienausbringung</translation>
    </message>
</context>
<context>
    <name>andon::ui::PlaceholderPage</name>
    <message>
        <source>Not configured yet</source>
        <translation>Noch nicht eingerichtet</translation>
    </message>
    <message>
        <source>This page will show: %1</source>
        <translation>Diese Seite zeigt: %1</translation>
    </message>
    <message>
        <source>It comes with: %1</source>
        <translation>Sie kommt mit %1</translation>
    </message>
    <message>
        <source>Until then this page shows no data, so nothing here can be mistaken for a live value.</source>
        <translation>Bis dahin zeigt diese Seite keine Daten, damit nichts mit einem Live-Wert verwechselt werden kann.</translation>
    </message>
</context>
<context>
    <name>andon::ui::ReasonDialog</name>
    <message>
        <source>Stop reason — %1</source>
        <translation>Stillstandsgrund — %1</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Leerlauf</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2: %3&lt;br&gt;%4 – %5 (%6 min, %7 min in planned time)%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2: %3&lt;br&gt;%4 – %5 (%6 min, %7 min in geplanter Zeit)%8</translation>
    </message>
    <message>
        <source>, a micro-stop</source>
        <translation>, ein Mikrostillstand</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>No reasons are configured for this machine (oee.reasons in the plant configuration); a comment can still be given.</source>
        <translation>Für diese Maschine sind keine Gründe konfiguriert (oee.reasons in der Anlagenkonfiguration); ein Kommentar kann trotzdem angegeben werden.</translation>
    </message>
    <message>
        <source>Split at</source>
        <translation>Teilen bei</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Teilen</translation>
    </message>
    <message>
        <source>The reason applies to the part before the split; the part after it stays to be explained.</source>
        <translation>Der Grund gilt für den Teil vor der Teilung; der Teil danach bleibt noch zu begründen.</translation>
    </message>
    <message>
        <source>What happened (optional)</source>
        <translation>Was ist passiert (optional)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
</context>
<context>
    <name>andon::ui::RegisterScanDialog</name>
    <message>
        <source>Scan registers — %1</source>
        <translation>Register scannen — %1</translation>
    </message>
    <message>
        <source>Device %1 — %2, unit id %3, %4 addressing</source>
        <translation>Gerät %1 — %2, Unit-ID %3, Adressierung: %4</translation>
    </message>
    <message>
        <source>Modicon (1-based, e.g. 40001)</source>
        <translation>Modicon (ab 1, z. B. 40001)</translation>
    </message>
    <message>
        <source>protocol (0-based)</source>
        <translation>Protokoll (ab 0)</translation>
    </message>
    <message>
        <source>Holding registers (FC3)</source>
        <translation>Holding-Register (FC3)</translation>
    </message>
    <message>
        <source>Input registers (FC4)</source>
        <translation>Input-Register (FC4)</translation>
    </message>
    <message>
        <source>Coils (FC1)</source>
        <translation>Coils (FC1)</translation>
    </message>
    <message>
        <source>Discrete inputs (FC2)</source>
        <translation>Discrete Inputs (FC2)</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabelle:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Start:</translation>
    </message>
    <message>
        <source>A Modicon reference such as 40001 or 400001 (its first digit picks the table), or a 1-based number within the table</source>
        <translation>Eine Modicon-Referenz wie 40001 oder 400001 (die erste Ziffer wählt die Tabelle) oder eine Nummer ab 1 innerhalb der Tabelle</translation>
    </message>
    <message>
        <source>Protocol address 0–65535 (0-based, as on the wire)</source>
        <translation>Protokolladresse 0–65535 (ab 0, wie auf der Leitung)</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>Anzahl:</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Lesen</translation>
    </message>
    <message>
        <source>Orders as:</source>
        <translation>Reihenfolgen als:</translation>
    </message>
    <message>
        <source>The value starting at each register in this type, in all four word/byte orders</source>
        <translation>Der Wert ab jedem Register als dieser Typ, in allen vier Wort-/Byte-Reihenfolgen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Select a register to see every reading starting there.</source>
        <translation>Wählen Sie ein Register, um alle dort beginnenden Interpretationen zu sehen.</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>Auswahl kopieren</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>Export scan</source>
        <translation>Scan exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>⚠ Modbus polling is not running (no tag is bound to a Modbus device, or the sources are stopped), so nothing can be read.</source>
        <translation>⚠ Die Modbus-Abfrage läuft nicht (kein Tag ist einem Modbus-Gerät zugeordnet oder die Quellen sind gestoppt), daher kann nichts gelesen werden.</translation>
    </message>
    <message>
        <source>Choose a range and press Read. The read goes ahead of the polls and does not stop them.</source>
        <translation>Wählen Sie einen Bereich und klicken Sie auf Lesen. Der Lesevorgang wird vor den Abfragen ausgeführt und hält sie nicht an.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protocol address 0–65535</source>
        <translation>&quot;%1&quot; ist keine Protokolladresse 0–65535</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Modicon reference (1–%2 after the table digit)</source>
        <translation>&quot;%1&quot; ist keine Modicon-Referenz (1–%2 nach der Tabellenziffer)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a Modicon reference (e.g. 40001) nor a 1-based number 1–65536</source>
        <translation>&quot;%1&quot; ist weder eine Modicon-Referenz (z. B. 40001) noch eine Nummer 1–65536 (ab 1)</translation>
    </message>
    <message>
        <source> bits</source>
        <translation> Bits</translation>
    </message>
    <message>
        <source> registers</source>
        <translation> Register</translation>
    </message>
    <message>
        <source>⚠ %1 from address %2 runs past the last address 65535</source>
        <translation>⚠ %1 ab Adresse %2 reicht über die letzte Adresse 65535 hinaus</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>%1 wird gelesen …</translation>
    </message>
    <message>
        <source>⚠ Device %1 (%2, unit id %3), %4: %5</source>
        <translation>⚠ Gerät %1 (%2, Unit-ID %3), %4: %5</translation>
    </message>
    <message numerus="yes">
        <source>Read %n bit(s): %1.</source>
        <translation>
            <numerusform>%n Bit gelesen: %1.</numerusform>
            <numerusform>%n Bits gelesen: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %n register(s): %1. Look for the column where the values make sense; select a row for every reading starting there.</source>
        <translation>
            <numerusform>%n Register gelesen: %1. Suchen Sie die Spalte, in der die Werte sinnvoll sind; wählen Sie eine Zeile für alle dort beginnenden Interpretationen.</numerusform>
            <numerusform>%n Register gelesen: %1. Suchen Sie die Spalte, in der die Werte sinnvoll sind; wählen Sie eine Zeile für alle dort beginnenden Interpretationen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <source>Hex</source>
        <translation>Hex</translation>
    </message>
    <message>
        <source>uint16</source>
        <translation>uint16</translation>
    </message>
    <message>
        <source>int16</source>
        <translation>int16</translation>
    </message>
    <message>
        <source>Bits 15…0</source>
        <translation>Bits 15…0</translation>
    </message>
    <message>
        <source>ASCII</source>
        <translation>ASCII</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>protocol address %1</source>
        <translation>Protokolladresse %1</translation>
    </message>
    <message>
        <source>1 (on)</source>
        <translation>1 (ein)</translation>
    </message>
    <message>
        <source>0 (off)</source>
        <translation>0 (aus)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Coils and discrete inputs are single bits: nothing to interpret.</source>
        <translation>Coils und Discrete Inputs sind einzelne Bits: Es gibt nichts zu interpretieren.</translation>
    </message>
    <message>
        <source>Every reading starting at %1 (protocol address %2); raw, before scale and offset:</source>
        <translation>Alle Interpretationen ab %1 (Protokolladresse %2); roh, vor Skalierung und Offset:</translation>
    </message>
    <message>
        <source>Every reading starting at %1; raw, before scale and offset:</source>
        <translation>Alle Interpretationen ab %1; roh, vor Skalierung und Offset:</translation>
    </message>
    <message numerus="yes">
        <source>As a string of %n register(s) from here: ABCD &quot;%1&quot; · BADC &quot;%2&quot;</source>
        <translation>
            <numerusform>Als Zeichenkette aus %n Register ab hier: ABCD &quot;%1&quot; · BADC &quot;%2&quot;</numerusform>
            <numerusform>Als Zeichenkette aus %n Registern ab hier: ABCD &quot;%1&quot; · BADC &quot;%2&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>andon::ui::SecurityBanner</name>
    <message>
        <source>TLS hostname verification is off (tls.insecure): the broker&apos;s identity is not checked</source>
        <translation>TLS-Hostnamenprüfung ist ausgeschaltet (tls.insecure): Die Identität des Brokers wird nicht geprüft</translation>
    </message>
    <message>
        <source>plain MQTT to %1 (not TLS): readable and changeable on the network</source>
        <translation>unverschlüsseltes MQTT zu %1 (kein TLS): im Netzwerk lesbar und veränderbar</translation>
    </message>
    <message>
        <source>inline password in the configuration (%1)</source>
        <translation>Passwort im Klartext in der Konfiguration (%1)</translation>
    </message>
    <message>
        <source>⚠ Insecure connection: %1 — %2</source>
        <translation>⚠ Unsichere Verbindung: %1 — %2</translation>
    </message>
    <message>
        <source>See docs/security.md &quot;Secrets and TLS&quot; for the secure settings.</source>
        <translation>Sichere Einstellungen: siehe docs/security.md &quot;Secrets and TLS&quot;.</translation>
    </message>
</context>
<context>
    <name>andon::ui::ServiceDialog</name>
    <message>
        <source>Record service — %1</source>
        <translation>Wartung erfassen — %1</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Maschine:</translation>
    </message>
    <message>
        <source>Recorded by:</source>
        <translation>Erfasst von:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>Durchgeführte Arbeiten:</translation>
    </message>
    <message>
        <source>e.g. replaced the drive-end bearing, aligned the coupling</source>
        <translation>z. B. antriebsseitiges Lager getauscht, Kupplung ausgerichtet</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Erfassen</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Nicht erfasst: %1</translation>
    </message>
    <message>
        <source>Reset with this service</source>
        <translation>Mit dieser Wartung zurücksetzen</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>seit %1</translation>
    </message>
    <message>
        <source>Run hours: %1 h</source>
        <translation>Betriebsstunden: %1 h</translation>
    </message>
    <message>
        <source> of %1 h interval</source>
        <translation> von %1 h Intervall</translation>
    </message>
    <message>
        <source>Cycles: %1</source>
        <translation>Zyklen: %1</translation>
    </message>
    <message>
        <source> of %1 interval</source>
        <translation> von %1 Intervall</translation>
    </message>
    <message>
        <source>Motor-current normal (learned from %1): learn it again</source>
        <translation>Motorstrom-Normalwert (gelernt ab %1): neu lernen</translation>
    </message>
    <message>
        <source>Motor-current normal: learn it again</source>
        <translation>Motorstrom-Normalwert: neu lernen</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — überfällig</translation>
    </message>
    <message>
        <source>No counters monitored on this machine.</source>
        <translation>An dieser Maschine werden keine Zähler überwacht.</translation>
    </message>
</context>
<context>
    <name>andon::ui::ShiftReportDialog</name>
    <message>
        <source>Shift report</source>
        <translation>Schichtbericht</translation>
    </message>
    <message>
        <source>A printable PDF of one shift of one line: OEE, losses, top downtime reasons, state timeline, stops and comments.</source>
        <translation>Ein druckbares PDF einer Schicht einer Linie: OEE, Verluste, häufigste Stillstandsgründe, Zustandsverlauf, Stillstände und Kommentare.</translation>
    </message>
    <message>
        <source>%1  (%2)</source>
        <translation>%1  (%2)</translation>
    </message>
    <message>
        <source>%1  (%2, %3 h)</source>
        <translation>%1  (%2, %3 h)</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>&amp;Linie:</translation>
    </message>
    <message>
        <source>Production &amp;day:</source>
        <translation>Produktions&amp;tag:</translation>
    </message>
    <message>
        <source>&amp;Shift:</source>
        <translation>&amp;Schicht:</translation>
    </message>
    <message>
        <source>&amp;PDF file:</source>
        <translation>&amp;PDF-Datei:</translation>
    </message>
    <message>
        <source>Times in %1. A night shift belongs to the day it starts on.</source>
        <translation>Zeiten in %1. Eine Nachtschicht gehört zu dem Tag, an dem sie beginnt.</translation>
    </message>
    <message>
        <source>&amp;Create PDF</source>
        <translation>PDF &amp;erstellen</translation>
    </message>
    <message>
        <source>No historian is open, so there is no recorded history to report on. Start Andon with a historian (historian: path in the configuration).</source>
        <translation>Es ist kein Historian geöffnet, daher gibt es keine aufgezeichnete Historie für einen Bericht. Starten Sie Andon mit einem Historian (historian: path in der Konfiguration).</translation>
    </message>
    <message>
        <source>The configuration has no shift calendar (calendar: shifts:), so there are no shifts to report on.</source>
        <translation>Die Konfiguration enthält keinen Schichtkalender (calendar: shifts:), daher gibt es keine Schichten für einen Bericht.</translation>
    </message>
    <message>
        <source>The configuration has no lines.</source>
        <translation>Die Konfiguration enthält keine Linien.</translation>
    </message>
    <message>
        <source>Save shift report</source>
        <translation>Schichtbericht speichern</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>No historian is open.</source>
        <translation>Es ist kein Historian geöffnet.</translation>
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation>Wählen Sie, wo das PDF gespeichert werden soll.</translation>
    </message>
    <message>
        <source>Reading the shift from the historian…</source>
        <translation>Schicht wird aus dem Historian gelesen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 wird geschrieben…</translation>
    </message>
    <message>
        <source>Andon %1</source>
        <translation>Andon %1</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Abgebrochen: Es wurde keine Datei geschrieben.</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>Der Bericht wurde nicht geschrieben: %1</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Gespeichert in %1.</translation>
    </message>
    <message>
        <source>The shift report was written to
%1

Open it now?</source>
        <translation>Der Schichtbericht wurde gespeichert unter
%1

Jetzt öffnen?</translation>
    </message>
</context>
<context>
    <name>andon::ui::SignInDialog</name>
    <message>
        <source>Switch user</source>
        <translation>Benutzer wechseln</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Anmelden</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). The next user signs in here; %1 is signed out when the new sign-in succeeds.</source>
        <translation>Angemeldet als %1 (%2). Der nächste Benutzer meldet sich hier an; %1 wird abgemeldet, sobald die neue Anmeldung erfolgreich ist.</translation>
    </message>
    <message>
        <source>Sign in with your Andon user to acknowledge alarms, enter reasons and make changes. Without signing in, Andon only shows.</source>
        <translation>Melden Sie sich mit Ihrem Andon-Benutzer an, um Alarme zu quittieren, Gründe zu erfassen und Änderungen vorzunehmen. Ohne Anmeldung zeigt Andon nur an.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Benutzer:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Wechseln</translation>
    </message>
    <message>
        <source>⚠ No users store is open: nobody can sign in. Start Andon with a historian or set security.users_db in the configuration.</source>
        <translation>⚠ Es ist keine Benutzerdatenbank geöffnet: Niemand kann sich anmelden. Starten Sie Andon mit einem Historian oder setzen Sie security.users_db in der Konfiguration.</translation>
    </message>
    <message>
        <source>Sign-in refused.</source>
        <translation>Anmeldung verweigert.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::SpcPage</name>
    <message>
        <source>X̄-R</source>
        <translation>X̄-R</translation>
    </message>
    <message>
        <source>X̄-S</source>
        <translation>X̄-S</translation>
    </message>
    <message>
        <source>I-MR</source>
        <translation>I-MR</translation>
    </message>
    <message>
        <source>EWMA</source>
        <translation>EWMA</translation>
    </message>
    <message>
        <source>CUSUM</source>
        <translation>CUSUM</translation>
    </message>
    <message>
        <source>Subgroup size: consecutive measurements of one product within one shift</source>
        <translation>Stichprobenumfang: aufeinanderfolgende Messungen eines Produkts innerhalb einer Schicht</translation>
    </message>
    <message>
        <source>Current shift</source>
        <translation>Aktuelle Schicht</translation>
    </message>
    <message>
        <source>Last 8 h</source>
        <translation>Letzte 8 h</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Letzte 24 h</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Freeze limits…</source>
        <translation>Eingriffsgrenzen einfrieren…</translation>
    </message>
    <message>
        <source>Record the limits of the baseline subgroups as a new version (who, when and why are kept in the event journal)</source>
        <translation>Die Grenzen der Basis-Stichproben als neue Version festschreiben (wer, wann und warum wird im Ereignisjournal festgehalten)</translation>
    </message>
    <message>
        <source>Characteristic</source>
        <translation>Merkmal</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Karte</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regel</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Subgroups</source>
        <translation>Stichproben</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Prozessfähigkeit</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Subgroup</source>
        <translation>Stichprobe</translation>
    </message>
    <message>
        <source>No historian is open: SPC needs the measurement history. Start Andon with a historian to see control charts.</source>
        <translation>Es ist kein Historian geöffnet: SPC benötigt die Messwerthistorie. Starten Sie Andon mit einem Historian, um Regelkarten zu sehen.</translation>
    </message>
    <message>
        <source>no historian</source>
        <translation>kein Historian</translation>
    </message>
    <message>
        <source>No quality characteristic in the plant configuration. Give a tag specification limits (spec: { lsl, target, usl }) to chart it here.</source>
        <translation>Kein Qualitätsmerkmal in der Anlagenkonfiguration. Geben Sie einem Tag Spezifikationsgrenzen (spec: { lsl, target, usl }), um ihn hier darzustellen.</translation>
    </message>
    <message>
        <source>%1 measurements from %2 to %3 (%4)</source>
        <translation>%1 Messwerte von %2 bis %3 (%4)</translation>
    </message>
    <message>
        <source>%1 with bad quality left out</source>
        <translation>%1 mit schlechter Qualität ausgelassen</translation>
    </message>
    <message>
        <source>No measurements in this window</source>
        <translation>Keine Messwerte in diesem Zeitraum</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>No limits: %1</source>
        <translation>Keine Grenzen: %1</translation>
    </message>
    <message>
        <source>Limits in force: version %1, frozen by %2 on %3 — %4</source>
        <translation>Gültige Grenzen: Version %1, eingefroren von %2 am %3 — %4</translation>
    </message>
    <message>
        <source>⚠ Trial limits from subgroups %1–%2 of this window (not frozen): freeze them once the process is in control</source>
        <translation>⚠ Vorläufige Grenzen aus den Stichproben %1–%2 dieses Zeitraums (nicht eingefroren): Frieren Sie sie ein, sobald der Prozess beherrscht ist</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zone</translation>
    </message>
    <message>
        <source>UCL</source>
        <translation>OEG</translation>
    </message>
    <message>
        <source>CL</source>
        <translation>ML</translation>
    </message>
    <message>
        <source>LCL</source>
        <translation>UEG</translation>
    </message>
    <message>
        <source>Run rule</source>
        <translation>Verlaufsregel</translation>
    </message>
    <message>
        <source>Beyond limits</source>
        <translation>Außerhalb der Grenzen</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Ausgewählt</translation>
    </message>
    <message>
        <source>X̄ chart: subgroup means (n = %1)</source>
        <translation>X̄-Karte: Stichprobenmittelwerte (n = %1)</translation>
    </message>
    <message>
        <source>Individuals chart (n = %1)</source>
        <translation>Einzelwertkarte (n = %1)</translation>
    </message>
    <message>
        <source>EWMA chart (λ = 0.2, n = %1)</source>
        <translation>EWMA-Karte (λ = 0,2, n = %1)</translation>
    </message>
    <message>
        <source>CUSUM chart: C⁺ (n = %1)</source>
        <translation>CUSUM-Karte: C⁺ (n = %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n Verletzung</numerusform>
            <numerusform>%n Verletzungen</numerusform>
        </translation>
    </message>
    <message>
        <source>No companion chart for %1</source>
        <translation>Keine Begleitkarte für %1</translation>
    </message>
    <message>
        <source>R chart: subgroup ranges</source>
        <translation>R-Karte: Spannweiten der Stichproben</translation>
    </message>
    <message>
        <source>S chart: subgroup standard deviations</source>
        <translation>S-Karte: Standardabweichungen der Stichproben</translation>
    </message>
    <message>
        <source>MR chart: moving ranges</source>
        <translation>MR-Karte: gleitende Spannweiten</translation>
    </message>
    <message>
        <source>CUSUM chart: C⁻</source>
        <translation>CUSUM-Karte: C⁻</translation>
    </message>
    <message>
        <source>Normal fit</source>
        <translation>Normalverteilung</translation>
    </message>
    <message>
        <source>LSL %1</source>
        <translation>USG %1</translation>
    </message>
    <message>
        <source>USL %1</source>
        <translation>OSG %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Sollwert</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>Wert (%1)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>No specification limits: capability not computed.</source>
        <translation>Keine Spezifikationsgrenzen: Prozessfähigkeit nicht berechnet.</translation>
    </message>
    <message>
        <source>Cp (within)</source>
        <translation>Cp (innerhalb)</translation>
    </message>
    <message>
        <source>(USL − LSL) / 6 σ within</source>
        <translation>(OSG − USG) / 6 σ innerhalb</translation>
    </message>
    <message>
        <source>Cpk (within)</source>
        <translation>Cpk (innerhalb)</translation>
    </message>
    <message>
        <source>min(USL − x̄, x̄ − LSL) / 3 σ within</source>
        <translation>min(OSG − x̄, x̄ − USG) / 3 σ innerhalb</translation>
    </message>
    <message>
        <source>Pp (overall)</source>
        <translation>Pp (gesamt)</translation>
    </message>
    <message>
        <source>(USL − LSL) / 6 σ overall</source>
        <translation>(OSG − USG) / 6 σ gesamt</translation>
    </message>
    <message>
        <source>Ppk (overall)</source>
        <translation>Ppk (gesamt)</translation>
    </message>
    <message>
        <source>min(USL − x̄, x̄ − LSL) / 3 σ overall</source>
        <translation>min(OSG − x̄, x̄ − USG) / 3 σ gesamt</translation>
    </message>
    <message>
        <source>n (values)</source>
        <translation>n (Werte)</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>σ within / overall</source>
        <translation>σ innerhalb / gesamt</translation>
    </message>
    <message>
        <source>LSL / USL</source>
        <translation>USG / OSG</translation>
    </message>
    <message>
        <source>Normality (Anderson-Darling p)</source>
        <translation>Normalverteilung (Anderson-Darling p)</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>nicht geprüft</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>Product / shift</source>
        <translation>Produkt / Schicht</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>off shift</source>
        <translation>außerhalb der Schicht</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Werte</translation>
    </message>
    <message>
        <source>Plotted (%1)</source>
        <translation>Dargestellt (%1)</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>kein Wert</translation>
    </message>
    <message>
        <source>Machine: %1</source>
        <translation>Maschine: %1</translation>
    </message>
    <message>
        <source>No historian is open: limits cannot be frozen without an audit trail.</source>
        <translation>Es ist kein Historian geöffnet: Ohne Audit-Trail können keine Grenzen eingefroren werden.</translation>
    </message>
    <message>
        <source>A reason is required to freeze limits.</source>
        <translation>Zum Einfrieren der Grenzen ist eine Begründung erforderlich.</translation>
    </message>
    <message>
        <source>No chart to freeze limits from.</source>
        <translation>Keine Karte vorhanden, deren Grenzen eingefroren werden könnten.</translation>
    </message>
    <message>
        <source>Limits cannot be estimated: %1</source>
        <translation>Grenzen können nicht geschätzt werden: %1</translation>
    </message>
    <message>
        <source>⚠ Limits not frozen: %1</source>
        <translation>⚠ Grenzen nicht eingefroren: %1</translation>
    </message>
    <message>
        <source>Freeze control limits</source>
        <translation>Eingriffsgrenzen einfrieren</translation>
    </message>
    <message>
        <source>No chart</source>
        <translation>Keine Karte</translation>
    </message>
    <message>
        <source>none (trial limits)</source>
        <translation>keine (vorläufige Grenzen)</translation>
    </message>
    <message>
        <source>%1, %2 chart: center %3, σ %4 from subgroups %5–%6</source>
        <translation>%1, %2-Karte: Mittellinie %3, σ %4 aus den Stichproben %5–%6</translation>
    </message>
    <message>
        <source>version %1 by %2 (%3)</source>
        <translation>Version %1 von %2 (%3)</translation>
    </message>
    <message>
        <source>New limits</source>
        <translation>Neue Grenzen</translation>
    </message>
    <message>
        <source>In force now</source>
        <translation>Derzeit gültig</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Why (e.g. new baseline after tool change)</source>
        <translation>Begründung (z. B. neue Basis nach Werkzeugwechsel)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Einfrieren</translation>
    </message>
    <message>
        <source>Median X̃-R</source>
        <translation>Median X̃-R</translation>
    </message>
    <message>
        <source>Control chart</source>
        <translation>Regelkarte</translation>
    </message>
    <message>
        <source>Box plot</source>
        <translation>Box-Plot</translation>
    </message>
    <message>
        <source>Box-and-whisker plot of each subgroup&apos;s values: box from Q1 to Q3 with the median, whiskers to the most extreme values within 1.5 IQR, outliers as points (quartiles by Minitab&apos;s method, Hyndman-Fan type 6)</source>
        <translation>Box-Whisker-Plot der Werte jeder Stichprobe: Box von Q1 bis Q3 mit dem Median, Whisker bis zu den extremsten Werten innerhalb von 1,5 IQR, Ausreißer als Punkte (Quartile nach der Minitab-Methode, Hyndman-Fan Typ 6)</translation>
    </message>
    <message>
        <source>Process tag</source>
        <translation>Prozess-Tag</translation>
    </message>
    <message>
        <source>Out of control</source>
        <translation>Nicht beherrscht</translation>
    </message>
    <message>
        <source>In control</source>
        <translation>Beherrscht</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Differenz</translation>
    </message>
    <message>
        <source>Welch t</source>
        <translation>Welch t</translation>
    </message>
    <message>
        <source>Cohen&apos;s d</source>
        <translation>Cohens d</translation>
    </message>
    <message>
        <source>n out / in</source>
        <translation>n außerh. / innerh.</translation>
    </message>
    <message>
        <source>(mean out of control − mean in control) / √(s₁²/n₁ + s₂²/n₂), Welch 1947; rows ranked by |t|</source>
        <translation>(Mittelwert nicht beherrscht − Mittelwert beherrscht) / √(s₁²/n₁ + s₂²/n₂), Welch 1947; Zeilen nach |t| sortiert</translation>
    </message>
    <message>
        <source>difference of the means / pooled standard deviation (Cohen 1988)</source>
        <translation>Differenz der Mittelwerte / gepoolte Standardabweichung (Cohen 1988)</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Verletzungen</translation>
    </message>
    <message>
        <source>What differs when out of control</source>
        <translation>Unterschiede bei nicht beherrschtem Prozess</translation>
    </message>
    <message>
        <source>Defects</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>count</source>
        <translation>Anzahl</translation>
    </message>
    <message>
        <source>no defects</source>
        <translation>keine Fehler</translation>
    </message>
    <message>
        <source>Defect type</source>
        <translation>Fehlerart</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>Kumuliert %</translation>
    </message>
    <message>
        <source>Defects (Pareto)</source>
        <translation>Fehler (Pareto)</translation>
    </message>
    <message>
        <source>Median chart: subgroup medians (n = %1)</source>
        <translation>Median-Karte: Stichprobenmediane (n = %1)</translation>
    </message>
    <message>
        <source>USL</source>
        <translation>OSG</translation>
    </message>
    <message>
        <source>LSL</source>
        <translation>USG</translation>
    </message>
    <message>
        <source>Box plot of the subgroups (n = %1): Q1–Q3, median, whiskers to 1.5 IQR</source>
        <translation>Box-Plot der Stichproben (n = %1): Q1–Q3, Median, Whisker bis 1,5 IQR</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>%1 of %2 subgroups out of control (part of a rule violation). Each process tag&apos;s time-weighted mean over each subgroup&apos;s time span; ranked by |Welch t|. A difference is a lead to check, not a proven cause.</source>
        <translation>%1 von %2 Stichproben nicht beherrscht (Teil einer Regelverletzung). Zeitgewichteter Mittelwert jedes Prozess-Tags über die Zeitspanne jeder Stichprobe; sortiert nach |Welch t|. Eine Differenz ist ein Hinweis zum Prüfen, keine nachgewiesene Ursache.</translation>
    </message>
    <message>
        <source>No defect types configured for this machine: list the counters of each defect type under its reject counter (defect_types: [...], docs/spc.md).</source>
        <translation>Für diese Maschine sind keine Fehlerarten konfiguriert: Führen Sie die Zähler jeder Fehlerart unter ihrem Ausschusszähler auf (defect_types: [...], docs/spc.md).</translation>
    </message>
    <message>
        <source>%1: %2 %3 in this window, %4 by type</source>
        <translation>%1: %2 %3 in diesem Zeitraum, %4 nach Art</translation>
    </message>
    <message numerus="yes">
        <source>%n counter reset(s) counted across</source>
        <translation>
            <numerusform>%n Zählerrücksetzung berücksichtigt</numerusform>
            <numerusform>%n Zählerrücksetzungen berücksichtigt</numerusform>
        </translation>
    </message>
    <message>
        <source>also on this machine: %1</source>
        <translation>ebenfalls an dieser Maschine: %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::TrendsPage</name>
    <message>
        <source>Search tags…</source>
        <translation>Tags suchen…</translation>
    </message>
    <message>
        <source>Double-click a tag to add it as a pen.</source>
        <translation>Doppelklicken Sie auf einen Tag, um ihn als Kurve hinzuzufügen.</translation>
    </message>
    <message>
        <source>Double-click a tag to trend it (up to %1 pens).</source>
        <translation>Doppelklicken Sie auf einen Tag, um seinen Trend anzuzeigen (bis zu %1 Kurven).</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>Live folgen</translation>
    </message>
    <message>
        <source>Scroll with new data, keeping the zoom width</source>
        <translation>Mit neuen Daten mitlaufen, Zoombreite beibehalten</translation>
    </message>
    <message>
        <source>Cursors</source>
        <translation>Cursor</translation>
    </message>
    <message>
        <source>Two cursors: values at each, the difference, and statistics between them</source>
        <translation>Zwei Cursor: Werte an jedem Cursor, die Differenz und die Statistik dazwischen</translation>
    </message>
    <message>
        <source>Box zoom</source>
        <translation>Rechteckzoom</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom (or hold Shift while dragging)</source>
        <translation>Rechteck aufziehen zum Zoomen (oder beim Ziehen Shift gedrückt halten)</translation>
    </message>
    <message>
        <source>Autoscale</source>
        <translation>Autoskalierung</translation>
    </message>
    <message>
        <source>Fit the value axes to the visible data (or double-click the plot)</source>
        <translation>Wertachsen an die sichtbaren Daten anpassen (oder Doppelklick auf das Diagramm)</translation>
    </message>
    <message>
        <source>Remove pen</source>
        <translation>Kurve entfernen</translation>
    </message>
    <message>
        <source>Remove the pen selected in the table (Delete)</source>
        <translation>Die in der Tabelle ausgewählte Kurve entfernen (Delete)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportieren</translation>
    </message>
    <message>
        <source>CSV (visible range)…</source>
        <translation>CSV (sichtbarer Bereich)…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>PNG-Bild…</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>PNG exportieren</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF-Dateien (*.pdf)</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Bild kopieren</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Historie wird geladen…</translation>
    </message>
    <message>
        <source>Saved trend sets</source>
        <translation>Gespeicherte Trend-Sets</translation>
    </message>
    <message>
        <source>Save set…</source>
        <translation>Set speichern…</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Set löschen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <source>Back to live data</source>
        <translation>Zurück zu Live-Daten</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Kurve</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Einheit</translation>
    </message>
    <message>
        <source>Cursor 1</source>
        <translation>Cursor 1</translation>
    </message>
    <message>
        <source>Cursor 2</source>
        <translation>Cursor 2</translation>
    </message>
    <message>
        <source>Δ</source>
        <translation>Δ</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <source>Std dev</source>
        <translation>Std.-Abw.</translation>
    </message>
    <message>
        <source>Integral</source>
        <translation>Integral</translation>
    </message>
    <message>
        <source>Time &gt; limit</source>
        <translation>Zeit &gt; Grenze</translation>
    </message>
    <message>
        <source>∫ value dt in value × hours (kW → kWh)</source>
        <translation>∫ Wert dt in Wert × Stunden (kW → kWh)</translation>
    </message>
    <message>
        <source>Time above the pen&apos;s upper limit (USL) between the cursors</source>
        <translation>Zeit oberhalb der oberen Spezifikationsgrenze (OSG) der Kurve zwischen den Cursorn</translation>
    </message>
    <message>
        <source>Statistics between the cursors, or over the visible range without cursors (time-weighted, gaps left out)</source>
        <translation>Statistik zwischen den Cursorn oder, ohne Cursor, über den sichtbaren Bereich (zeitgewichtet, Lücken ausgenommen)</translation>
    </message>
    <message>
        <source>Save trend set</source>
        <translation>Trend-Set speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Last 15 min</source>
        <translation>Letzte 15 min</translation>
    </message>
    <message>
        <source>Last 8 h</source>
        <translation>Letzte 8 h</translation>
    </message>
    <message>
        <source>Current shift</source>
        <translation>Aktuelle Schicht</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Letzte 24 h</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Letzte 7 Tage</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Letzte 30 Tage</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>USL</source>
        <translation>OSG</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Sollwert</translation>
    </message>
    <message>
        <source>LSL</source>
        <translation>USG</translation>
    </message>
    <message>
        <source>%1 state</source>
        <translation>Zustand %1</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source> · no shift calendar: last 8 h</source>
        <translation> · kein Schichtkalender: letzte 8 h</translation>
    </message>
    <message>
        <source> · raw samples</source>
        <translation> · Rohwerte</translation>
    </message>
    <message>
        <source> · minute min/max</source>
        <translation> · Minuten-Min/Max</translation>
    </message>
    <message>
        <source> · hour min/max</source>
        <translation> · Stunden-Min/Max</translation>
    </message>
    <message>
        <source> · no historian: only the last minutes in memory</source>
        <translation> · kein Historian: nur die letzten Minuten im Speicher</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>state %1</source>
        <translation>Zustand %1</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 %2·h</source>
        <translation>%1 %2·h</translation>
    </message>
    <message>
        <source>Above %1 %2</source>
        <translation>Über %1 %2</translation>
    </message>
    <message>
        <source>No upper limit configured for this tag</source>
        <translation>Für diesen Tag ist keine obere Grenze konfiguriert</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>%1 wird exportiert…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Export abgebrochen.</translation>
    </message>
    <message>
        <source>Trend sets</source>
        <translation>Trend-Sets</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Offline review: %1 (read-only)</source>
        <translation>Offline-Auswertung: %1 (schreibgeschützt)</translation>
    </message>
    <message>
        <source>Overlay an earlier period on the pens, drawn dashed in the pen&apos;s colour</source>
        <translation>Einen früheren Zeitraum über die Kurven legen, gestrichelt in der Farbe der Kurve</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Drucken…</translation>
    </message>
    <message>
        <source>Print trend</source>
        <translation>Trend drucken</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Drucken</translation>
    </message>
    <message>
        <source>Cannot print to %1.</source>
        <translation>Drucken auf %1 nicht möglich.</translation>
    </message>
    <message>
        <source> · dashed: %1</source>
        <translation> · gestrichelt: %1</translation>
    </message>
    <message>
        <source>No compare</source>
        <translation>Kein Vergleich</translation>
    </message>
    <message>
        <source>vs. prev. shift</source>
        <translation>ggü. Vorschicht</translation>
    </message>
    <message>
        <source>vs. last week</source>
        <translation>ggü. Vorwoche</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Kein Vergleich</translation>
    </message>
    <message>
        <source>Overlay the previous shift, dashed</source>
        <translation>Vorherige Schicht gestrichelt überlagern</translation>
    </message>
    <message>
        <source>Overlay the same weekday last week, dashed</source>
        <translation>Gleichen Wochentag der Vorwoche gestrichelt überlagern</translation>
    </message>
    <message>
        <source>−%1 d</source>
        <translation>−%1 d</translation>
    </message>
    <message>
        <source>−%1 h</source>
        <translation>−%1 h</translation>
    </message>
    <message>
        <source>previous shift (%1)</source>
        <translation>vorherige Schicht (%1)</translation>
    </message>
    <message>
        <source>same weekday last week (%1)</source>
        <translation>gleicher Wochentag der Vorwoche (%1)</translation>
    </message>
    <message>
        <source>Trend (offline review: %1)</source>
        <translation>Trend (Offline-Auswertung: %1)</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Trend</translation>
    </message>
    <message>
        <source>Printed %1 by %2 · Andon</source>
        <translation>Gedruckt am %1 von %2 · Andon</translation>
    </message>
    <message>
        <source>Add derived pen…</source>
        <translation>Berechnete Kurve hinzufügen…</translation>
    </message>
    <message>
        <source>A pen computed from other tags with a formula</source>
        <translation>Eine mit einer Formel aus anderen Tags berechnete Kurve</translation>
    </message>
    <message>
        <source>%1 (derived)</source>
        <translation>%1 (berechnet)</translation>
    </message>
    <message>
        <source>The pen needs a name.</source>
        <translation>Die Kurve braucht einen Namen.</translation>
    </message>
    <message>
        <source>There are already %1 pens; remove one first.</source>
        <translation>Es gibt bereits %1 Kurven; entfernen Sie zuerst eine.</translation>
    </message>
    <message>
        <source>Derived pen</source>
        <translation>Berechnete Kurve</translation>
    </message>
    <message>
        <source>HH</source>
        <translation>HH</translation>
    </message>
    <message>
        <source>H</source>
        <translation>H</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>LL</source>
        <translation>LL</translation>
    </message>
    <message>
        <source>%1 %2 %3</source>
        <translation>%1 %2 %3</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4</source>
        <translation>%1 %2 %3 %4</translation>
    </message>
    <message>
        <source>Edit derived pen…</source>
        <translation>Berechnete Kurve bearbeiten…</translation>
    </message>
    <message>
        <source>Show alarm limits</source>
        <translation>Alarmgrenzen anzeigen</translation>
    </message>
    <message>
        <source>No high or low alarm is configured for this tag</source>
        <translation>Für diesen Tag ist kein Hoch- oder Tiefalarm konfiguriert</translation>
    </message>
</context>
<context>
    <name>andon::ui::UserAdminDialog</name>
    <message>
        <source>Role id: %1</source>
        <translation>Rollen-ID: %1</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Benutzer verwalten</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rolle</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Deaktiviert</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Gesperrt bis</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Letzte Anmeldung</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Create a user with a role and a first password</source>
        <translation>Einen Benutzer mit einer Rolle und einem Erstpasswort anlegen</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Rolle ändern…</translation>
    </message>
    <message>
        <source>Give the selected user another role</source>
        <translation>Dem ausgewählten Benutzer eine andere Rolle geben</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Passwort zurücksetzen…</translation>
    </message>
    <message>
        <source>Set a new password for the selected user</source>
        <translation>Ein neues Passwort für den ausgewählten Benutzer festlegen</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Deaktivieren</translation>
    </message>
    <message>
        <source>A disabled user cannot sign in; the history keeps the name</source>
        <translation>Ein deaktivierter Benutzer kann sich nicht anmelden; die Historie behält den Namen</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Entsperren</translation>
    </message>
    <message>
        <source>End the lock-out after too many failed sign-ins</source>
        <translation>Die Sperre nach zu vielen fehlgeschlagenen Anmeldungen aufheben</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s) in a row</source>
        <translation>
            <numerusform>%n fehlgeschlagene Anmeldung in Folge</numerusform>
            <numerusform>%n fehlgeschlagene Anmeldungen in Folge</numerusform>
        </translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Aktivieren</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Die beiden Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>No users store is open.</source>
        <translation>Es ist keine Benutzerdatenbank geöffnet.</translation>
    </message>
    <message>
        <source>User %1 added as %2.</source>
        <translation>Benutzer %1 als %2 hinzugefügt.</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Wählen Sie zuerst einen Benutzer aus.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 ist jetzt %2.</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>Neues Passwort für %1 festgelegt.</translation>
    </message>
    <message>
        <source>%1 is disabled.</source>
        <translation>%1 ist deaktiviert.</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 ist aktiviert.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 ist entsperrt.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Benutzer hinzufügen</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>mindestens %n Zeichen</numerusform>
            <numerusform>mindestens %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Benutzername:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rolle:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Passwort:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Passwort wiederholen:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Rolle ändern</translation>
    </message>
    <message>
        <source>Role of %1:</source>
        <translation>Rolle von %1:</translation>
    </message>
    <message>
        <source>Reset password — %1</source>
        <translation>Passwort zurücksetzen — %1</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Passwort festlegen</translation>
    </message>
</context>
<context>
    <name>andon::ui::UserButton</name>
    <message>
        <source>Change password — %1</source>
        <translation>Passwort ändern — %1</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>mindestens %n Zeichen</numerusform>
            <numerusform>mindestens %n Zeichen</numerusform>
        </translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Aktuelles Passwort:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Neues Passwort:</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>Neues Passwort wiederholen:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändern</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Die beiden neuen Passwörter stimmen nicht überein.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Anmelden…</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>Benutzer wechseln…</translation>
    </message>
    <message>
        <source>The next user signs in (shift change)</source>
        <translation>Der nächste Benutzer meldet sich an (Schichtwechsel)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Abmelden</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Passwort ändern…</translation>
    </message>
    <message>
        <source>Manage users…</source>
        <translation>Benutzer verwalten…</translation>
    </message>
    <message>
        <source>Audit journal…</source>
        <translation>Audit-Journal…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>Signed in as %1 (%2). Without input for %n min, Andon falls back to the viewer role.</source>
        <translation>
            <numerusform>Angemeldet als %1 (%2). Nach %n min ohne Eingabe fällt Andon auf die Rolle Betrachter zurück.</numerusform>
            <numerusform>Angemeldet als %1 (%2). Nach %n min ohne Eingabe fällt Andon auf die Rolle Betrachter zurück.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Sign in</source>
        <translation>%1 · Anmelden</translation>
    </message>
    <message>
        <source>Nobody is signed in: Andon only shows. Sign in to act.</source>
        <translation>Niemand ist angemeldet: Andon zeigt nur an. Melden Sie sich an, um zu handeln.</translation>
    </message>
    <message>
        <source>No users store is open: nobody can sign in.</source>
        <translation>Es ist keine Benutzerdatenbank geöffnet: Niemand kann sich anmelden.</translation>
    </message>
</context>
<context>
    <name>andon::widgets::AlarmBanner</name>
    <message>
        <source>Alarms: click to open the Alarms page</source>
        <translation>Alarme: Klicken Sie, um die Seite Alarme zu öffnen</translation>
    </message>
    <message>
        <source>%1 %2: %3 active, %4 unacknowledged</source>
        <translation>%1 %2: %3 aktiv, %4 unquittiert</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Kritisch</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Hoch</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Mittel</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Niedrig</translation>
    </message>
    <message>
        <source>ALARM FLOOD: %1 in 10 min</source>
        <translation>ALARMFLUT: %1 in 10 min</translation>
    </message>
    <message>
        <source>No active alarms</source>
        <translation>Keine aktiven Alarme</translation>
    </message>
    <message>
        <source>   (+%1 more)</source>
        <translation>   (+%1 weitere)</translation>
    </message>
</context>
<context>
    <name>andon::widgets::MachineTile</name>
    <message>
        <source>parts/min</source>
        <translation>Teile/min</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Gut</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Ausschuss</translation>
    </message>
    <message>
        <source>Trend %1</source>
        <translation>Trend %1</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>Leistung</translation>
    </message>
    <message>
        <source>Trend all values</source>
        <translation>Trend aller Werte</translation>
    </message>
</context>
<context>
    <name>andon::widgets::OeeGauge</name>
    <message>
        <source>%1: %2 %</source>
        <translation>%1: %2 %</translation>
    </message>
    <message>
        <source>%1: unknown — %2</source>
        <translation>%1: unbekannt — %2</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Target %1 %</source>
        <translation>Ziel %1 %</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Unter Ziel</translation>
    </message>
    <message>
        <source>▼ target %1 %</source>
        <translation>▼ Ziel %1 %</translation>
    </message>
    <message>
        <source>target %1 %</source>
        <translation>Ziel %1 %</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
</context>
<context>
    <name>andon::widgets::ParetoChart</name>
    <message>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minuten</translation>
    </message>
    <message>
        <source>no stops</source>
        <translation>keine Stillstände</translation>
    </message>
    <message>
        <source>min</source>
        <translation>min</translation>
    </message>
</context>
<context>
    <name>andon::widgets::StateTimeline</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 min %2 s</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 — %2 (%3)</source>
        <translation>%1 — %2 (%3)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Grund: %1</translation>
    </message>
    <message>
        <source>not given yet</source>
        <translation>noch nicht angegeben</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Beginn: %1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Dauer: %1</translation>
    </message>
    <message>
        <source>Click to give a reason, split or comment</source>
        <translation>Klicken, um einen Grund anzugeben, zu teilen oder zu kommentieren</translation>
    </message>
</context>
<context>
    <name>andon::widgets::TrendPlot</name>
    <message>
        <source>Pick tags on the left to trend them.</source>
        <translation>Wählen Sie links Tags aus, um ihren Trend anzuzeigen.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>%1 [%2]</source>
        <translation>%1 [%2]</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>C%1 %2</source>
        <translation>C%1 %2</translation>
    </message>
    <message>
        <source>Δt %1</source>
        <translation>Δt %1</translation>
    </message>
    <message>
        <source>%1 d %2</source>
        <translation>%1 d %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>Verzeichnis %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>%1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>Andon plant-monitoring HMI</source>
        <translation>Andon-Bedienoberfläche zur Anlagenüberwachung</translation>
    </message>
    <message>
        <source>Plant configuration (YAML).</source>
        <translation>Anlagenkonfiguration (YAML).</translation>
    </message>
    <message>
        <source>Historian file (&quot;-&quot; = none; default from the config).</source>
        <translation>Historian-Datei (&quot;-&quot; = keine; Standard aus der Konfiguration).</translation>
    </message>
    <message>
        <source>Use this port for every MQTT connection.</source>
        <translation>Diesen Port für jede MQTT-Verbindung verwenden.</translation>
    </message>
    <message>
        <source>Save a screenshot of every page to this directory and exit.</source>
        <translation>Von jeder Seite ein Bildschirmfoto in diesem Verzeichnis speichern und beenden.</translation>
    </message>
    <message>
        <source>Seconds to wait before the screenshots (default 3).</source>
        <translation>Sekunden bis zu den Bildschirmfotos (Standard 3).</translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation>Farbschema: light (hell) oder dark (dunkel).</translation>
    </message>
    <message>
        <source>The plant configuration cannot be loaded</source>
        <translation>Die Anlagenkonfiguration kann nicht geladen werden</translation>
    </message>
    <message>
        <source>Invalid option</source>
        <translation>Ungültige Option</translation>
    </message>
    <message>
        <source>--mqtt-port needs a port number between 1 and 65535, not &quot;%1&quot;.</source>
        <translation>--mqtt-port braucht eine Portnummer zwischen 1 und 65535, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--theme must be light or dark, not &quot;%1&quot;.</source>
        <translation>--theme muss light oder dark sein, nicht &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The historian cannot be opened</source>
        <translation>Der Historian kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>Quit right after the main window is first painted (start-up time measurement).</source>
        <translation>Direkt nach dem ersten Zeichnen des Hauptfensters beenden (Messung der Startzeit).</translation>
    </message>
</context>
</TS>
