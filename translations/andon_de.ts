<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
        <source>⚠ TLS hostname verification is off for %1 (tls.insecure): anyone on the network path could impersonate the broker.</source>
        <translation>⚠ TLS-Hostnamenprüfung ist für %1 ausgeschaltet (tls.insecure): Jeder auf dem Netzwerkpfad könnte sich als Broker ausgeben.</translation>
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
        <source>availability, performance and quality per line and shift (ISO 22400), the six big losses and a state timeline of every machine.</source>
        <translation>Verfügbarkeit, Leistung und Qualität je Linie und Schicht (ISO 22400), die sechs großen Verluste und einen Zustandsverlauf jeder Maschine.</translation>
    </message>
    <message>
        <source>the OEE calculation feature (analytics/oee, state and count journals).</source>
        <translation>der OEE-Berechnung (analytics/oee, Zustands- und Stückzahljournale).</translation>
    </message>
    <message>
        <source>energy per machine, line and shift in kWh, cost per tariff, energy per good part and idle energy.</source>
        <translation>Energie je Maschine, Linie und Schicht in kWh, Kosten je Tarif, Energie je Gutteil und Leerlaufenergie.</translation>
    </message>
    <message>
        <source>the energy analytics feature (power and energy meter tags).</source>
        <translation>der Energieauswertung (Leistungs- und Zähler-Tags).</translation>
    </message>
    <message>
        <source>control charts (X̄-R, I-MR, p, u, EWMA) with Western Electric and Nelson rule violations and capability (Cp, Cpk).</source>
        <translation>Regelkarten (X̄-R, I-MR, p, u, EWMA) mit Verletzungen der Western-Electric- und Nelson-Regeln sowie Fähigkeitskennzahlen (Cp, Cpk).</translation>
    </message>
    <message>
        <source>the SPC feature (SPC characteristics in the plant configuration).</source>
        <translation>der SPC-Funktion (SPC-Merkmale in der Anlagenkonfiguration).</translation>
    </message>
    <message>
        <source>historical trends of any tag from the historian, with pens, zoom and export.</source>
        <translation>historische Trends beliebiger Tags aus dem Historian, mit Stiften, Zoom und Export.</translation>
    </message>
    <message>
        <source>the trend view feature (historian range queries).</source>
        <translation>der Trendansicht (Bereichsabfragen im Historian).</translation>
    </message>
    <message>
        <source>active and past alarms by priority (ISA-18.2) with acknowledge and shelve.</source>
        <translation>aktive und vergangene Alarme nach Priorität (ISA-18.2) mit Quittieren und Zurückstellen.</translation>
    </message>
    <message>
        <source>the alarm management feature (alarm definitions in the plant configuration).</source>
        <translation>dem Alarmmanagement (Alarmdefinitionen in der Anlagenkonfiguration).</translation>
    </message>
    <message>
        <source>condition monitoring: vibration zones (ISO 20816), temperatures, a health index and the remaining useful life of each machine.</source>
        <translation>Zustandsüberwachung: Schwingungszonen (ISO 20816), Temperaturen, Zustandsindex und Restlebensdauer jeder Maschine.</translation>
    </message>
    <message>
        <source>the condition monitoring feature (condition indicators with limits).</source>
        <translation>der Zustandsüberwachung (Zustandsindikatoren mit Grenzwerten).</translation>
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
