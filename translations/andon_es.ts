<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>andon::Quality</name>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Good: local override</source>
        <translation>Buena: forzada localmente</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Incierta</translation>
    </message>
    <message>
        <source>Uncertain: last known value</source>
        <translation>Incierta: último valor conocido</translation>
    </message>
    <message>
        <source>Uncertain: sensor not accurate</source>
        <translation>Incierta: sensor impreciso</translation>
    </message>
    <message>
        <source>Uncertain: outside the engineering range</source>
        <translation>Incierta: fuera del rango de medida</translation>
    </message>
    <message>
        <source>Uncertain: sub-normal</source>
        <translation>Incierta: fuentes insuficientes</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Mala</translation>
    </message>
    <message>
        <source>Bad: configuration error</source>
        <translation>Mala: error de configuración</translation>
    </message>
    <message>
        <source>Bad: not connected, no value received yet</source>
        <translation>Mala: sin conexión, aún no se ha recibido ningún valor</translation>
    </message>
    <message>
        <source>Bad: device failure</source>
        <translation>Mala: fallo del dispositivo</translation>
    </message>
    <message>
        <source>Bad: sensor failure</source>
        <translation>Mala: fallo del sensor</translation>
    </message>
    <message>
        <source>Bad: communication failure</source>
        <translation>Mala: fallo de comunicación</translation>
    </message>
    <message>
        <source>Bad: out of service</source>
        <translation>Mala: fuera de servicio</translation>
    </message>
    <message>
        <source>Stale: no update within the timeout</source>
        <translation>Obsoleta: sin actualización dentro del tiempo límite</translation>
    </message>
    <message>
        <source>Bad: the payload could not be decoded</source>
        <translation>Mala: no se pudo decodificar el contenido del mensaje</translation>
    </message>
</context>
<context>
    <name>andon::models::MachineTileModel</name>
    <message>
        <source>Running</source>
        <translation>En marcha</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactiva</translation>
    </message>
    <message>
        <source>Starved</source>
        <translation>Sin material</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Bloqueada</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Averiada</translation>
    </message>
    <message>
        <source>Planned stop</source>
        <translation>Parada planificada</translation>
    </message>
    <message>
        <source>Changeover</source>
        <translation>Cambio de formato</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Apagada</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
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
        <translation>No hay tag de estado, contador o ritmo configurado</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>Unknown state %1</source>
        <translation>Estado desconocido %1</translation>
    </message>
    <message>
        <source>Unknown — last: %1</source>
        <translation>Desconocido — último: %1</translation>
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
        <translation>Estado desconocido %1</translation>
    </message>
    <message>
        <source>On</source>
        <translation>Encendido</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Apagado</translation>
    </message>
    <message>
        <source>No data</source>
        <translation>Sin datos</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Uncertain</source>
        <translation>Incierta</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Obsoleta</translation>
    </message>
    <message>
        <source>Bad</source>
        <translation>Mala</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Last minutes</source>
        <translation>Últimos minutos</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
</context>
<context>
    <name>andon::ui::ConnectionsPage</name>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>No data sources are configured. Add an MQTT connection to the plant configuration to receive live data.</source>
        <translation>No hay fuentes de datos configuradas. Añada una conexión MQTT a la configuración de planta para recibir datos en vivo.</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Endpoint</source>
        <translation>Dirección</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Decode errors</source>
        <translation>Errores de decodificación</translation>
    </message>
    <message>
        <source>Last error</source>
        <translation>Último error</translation>
    </message>
    <message>
        <source>Samples ingested: %1 · Historian: %2</source>
        <translation>Muestras recibidas: %1 · Histórico: %2</translation>
    </message>
    <message>
        <source>off</source>
        <translation>desactivado</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>connected</source>
        <translation>conectado</translation>
    </message>
    <message>
        <source>connecting</source>
        <translation>conectando</translation>
    </message>
    <message>
        <source>reconnecting</source>
        <translation>reconectando</translation>
    </message>
    <message>
        <source>disconnected</source>
        <translation>desconectado</translation>
    </message>
    <message>
        <source>not started</source>
        <translation>no iniciado</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
    <message>
        <source>Messages/s</source>
        <translation>Mensajes/s</translation>
    </message>
    <message>
        <source>Bytes/s</source>
        <translation>Bytes/s</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Descartados</translation>
    </message>
    <message>
        <source>Clock skew</source>
        <translation>Desfase de reloj</translation>
    </message>
    <message>
        <source>%1%2 s</source>
        <translation>%1%2 s</translation>
    </message>
    <message>
        <source>⚠ TLS hostname verification is off for %1 (tls.insecure): anyone on the network path could impersonate the broker.</source>
        <translation>⚠ La verificación del nombre de host TLS está desactivada para %1 (tls.insecure): cualquiera en la ruta de red podría suplantar al broker.</translation>
    </message>
    <message>
        <source>Modbus devices</source>
        <translation>Dispositivos Modbus</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Dispositivo</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>ID de unidad</translation>
    </message>
    <message>
        <source>Round trip (ms)</source>
        <translation>Tiempo de respuesta (ms)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Peticiones</translation>
    </message>
    <message>
        <source>Requests/s</source>
        <translation>Peticiones/s</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Tiempos agotados</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>Excepciones</translation>
    </message>
    <message>
        <source>Comm errors</source>
        <translation>Errores de comunicación</translation>
    </message>
    <message>
        <source>Last exception</source>
        <translation>Última excepción</translation>
    </message>
    <message>
        <source>Connection failures plus invalid or corrupt replies</source>
        <translation>Fallos de conexión más respuestas no válidas o corruptas</translation>
    </message>
    <message>
        <source>Edge nodes (Sparkplug B)</source>
        <translation>Nodos edge (Sparkplug B)</translation>
    </message>
    <message>
        <source>Rebirth</source>
        <translation>Solicitar rebirth</translation>
    </message>
    <message>
        <source>Ask the selected edge node to publish its births again (NCMD Node Control/Rebirth)</source>
        <translation>Pedir al nodo edge seleccionado que publique de nuevo sus births (NCMD Node Control/Rebirth)</translation>
    </message>
    <message>
        <source>No edge node has published a birth yet.</source>
        <translation>Ningún nodo edge ha publicado todavía un birth.</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Grupo</translation>
    </message>
    <message>
        <source>Edge node</source>
        <translation>Nodo edge</translation>
    </message>
    <message>
        <source>bdSeq</source>
        <translation>bdSeq</translation>
    </message>
    <message>
        <source>Last birth</source>
        <translation>Último birth</translation>
    </message>
    <message>
        <source>Sequence errors</source>
        <translation>Errores de secuencia</translation>
    </message>
    <message>
        <source>Rebirths requested</source>
        <translation>Rebirths solicitados</translation>
    </message>
    <message>
        <source>polling</source>
        <translation>consultando</translation>
    </message>
    <message>
        <source>not answering, retrying</source>
        <translation>no responde, reintentando</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>detenido</translation>
    </message>
    <message>
        <source>idle (no tags bound)</source>
        <translation>inactivo (sin tags asignados)</translation>
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
        <translation>última %1 ms</translation>
    </message>
    <message>
        <source>online</source>
        <translation>en línea</translation>
    </message>
    <message>
        <source>⚠ offline</source>
        <translation>⚠ fuera de línea</translation>
    </message>
    <message>
        <source>The node published its death or lost its connection</source>
        <translation>El nodo publicó su death o perdió la conexión</translation>
    </message>
    <message>
        <source>Last birth (%1)</source>
        <translation>Último birth (%1)</translation>
    </message>
    <message>
        <source>Rebirth requested from %1/%2</source>
        <translation>Rebirth solicitado a %1/%2</translation>
    </message>
    <message>
        <source>⚠ Cannot request a rebirth from %1/%2: connection %3 is not connected</source>
        <translation>⚠ No se puede solicitar un rebirth a %1/%2: la conexión %3 no está conectada</translation>
    </message>
</context>
<context>
    <name>andon::ui::FaceplateDialog</name>
    <message>
        <source>Faceplate — %1</source>
        <translation>Panel — %1</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Horas en %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
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
        <translation>disponibilidad, rendimiento y calidad por línea y turno (ISO 22400), las seis grandes pérdidas y una línea de tiempo de estados de cada máquina.</translation>
    </message>
    <message>
        <source>the OEE calculation feature (analytics/oee, state and count journals).</source>
        <translation>el cálculo de OEE (analytics/oee, registros de estados y piezas).</translation>
    </message>
    <message>
        <source>energy per machine, line and shift in kWh, cost per tariff, energy per good part and idle energy.</source>
        <translation>energía por máquina, línea y turno en kWh, coste por tarifa, energía por pieza buena y energía en vacío.</translation>
    </message>
    <message>
        <source>the energy analytics feature (power and energy meter tags).</source>
        <translation>el análisis energético (tags de potencia y contadores de energía).</translation>
    </message>
    <message>
        <source>control charts (X̄-R, I-MR, p, u, EWMA) with Western Electric and Nelson rule violations and capability (Cp, Cpk).</source>
        <translation>gráficos de control (X̄-R, I-MR, p, u, EWMA) con violaciones de las reglas Western Electric y Nelson y capacidad (Cp, Cpk).</translation>
    </message>
    <message>
        <source>the SPC feature (SPC characteristics in the plant configuration).</source>
        <translation>la función SPC (características SPC en la configuración de planta).</translation>
    </message>
    <message>
        <source>historical trends of any tag from the historian, with pens, zoom and export.</source>
        <translation>tendencias históricas de cualquier tag del histórico, con plumas, zoom y exportación.</translation>
    </message>
    <message>
        <source>the trend view feature (historian range queries).</source>
        <translation>la vista de tendencias (consultas de rango al histórico).</translation>
    </message>
    <message>
        <source>active and past alarms by priority (ISA-18.2) with acknowledge and shelve.</source>
        <translation>alarmas activas y pasadas por prioridad (ISA-18.2) con reconocimiento y aplazamiento.</translation>
    </message>
    <message>
        <source>the alarm management feature (alarm definitions in the plant configuration).</source>
        <translation>la gestión de alarmas (definiciones de alarma en la configuración de planta).</translation>
    </message>
    <message>
        <source>condition monitoring: vibration zones (ISO 20816), temperatures, a health index and the remaining useful life of each machine.</source>
        <translation>supervisión de estado: zonas de vibración (ISO 20816), temperaturas, índice de salud y vida útil restante de cada máquina.</translation>
    </message>
    <message>
        <source>the condition monitoring feature (condition indicators with limits).</source>
        <translation>la supervisión de estado (indicadores con límites).</translation>
    </message>
    <message>
        <source>%1 (Ctrl+%2)</source>
        <translation>%1 (Ctrl+%2)</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Vista general</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <source>Energy</source>
        <translation>Energía</translation>
    </message>
    <message>
        <source>SPC</source>
        <translation>SPC</translation>
    </message>
    <message>
        <source>Trends</source>
        <translation>Tendencias</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmas</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <source>Connections</source>
        <translation>Conexiones</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Dark theme</source>
        <translation>Tema &amp;oscuro</translation>
    </message>
    <message>
        <source>No data sources configured</source>
        <translation>No hay fuentes de datos configuradas</translation>
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
        <translation>Muestras: %1</translation>
    </message>
    <message>
        <source>Historian: %1</source>
        <translation>Histórico: %1</translation>
    </message>
    <message>
        <source>Historian: off</source>
        <translation>Histórico: desactivado</translation>
    </message>
    <message>
        <source>Live view only: nothing is recorded.</source>
        <translation>Solo vista en vivo: no se registra nada.</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>⚠ TLS hostname verification is off (tls.insecure): the broker&apos;s identity is not checked.</source>
        <translation>⚠ La verificación del nombre de host TLS está desactivada (tls.insecure): no se comprueba la identidad del broker.</translation>
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
        <translation>La configuración no define líneas de producción, así que no hay nada que mostrar. Añada líneas y máquinas a la configuración de planta.</translation>
    </message>
    <message>
        <source>parts/min</source>
        <translation>piezas/min</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En marcha</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Averiadas</translation>
    </message>
    <message>
        <source>Machines running / machines on the line</source>
        <translation>Máquinas en marcha / máquinas de la línea</translation>
    </message>
    <message>
        <source>Plant overview</source>
        <translation>Vista general de la planta</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>&amp;Mostrar</translation>
    </message>
    <message>
        <source>All lines</source>
        <translation>Todas las líneas</translation>
    </message>
    <message>
        <source>Machines in an unplanned stop</source>
        <translation>Máquinas en parada no planificada</translation>
    </message>
    <message>
        <source>Line output</source>
        <translation>Producción de línea</translation>
    </message>
</context>
<context>
    <name>andon::ui::PlaceholderPage</name>
    <message>
        <source>Not configured yet</source>
        <translation>Aún no configurado</translation>
    </message>
    <message>
        <source>This page will show: %1</source>
        <translation>Esta página mostrará: %1</translation>
    </message>
    <message>
        <source>It comes with: %1</source>
        <translation>Llega con %1</translation>
    </message>
    <message>
        <source>Until then this page shows no data, so nothing here can be mistaken for a live value.</source>
        <translation>Hasta entonces esta página no muestra datos, para que nada se confunda con un valor en vivo.</translation>
    </message>
</context>
<context>
    <name>andon::widgets::MachineTile</name>
    <message>
        <source>parts/min</source>
        <translation>piezas/min</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buena</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazo</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Cannot create the directory %1</source>
        <translation>No se puede crear el directorio %1</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>No se puede escribir %1</translation>
    </message>
    <message>
        <source>Andon plant-monitoring HMI</source>
        <translation>HMI Andon de supervisión de planta</translation>
    </message>
    <message>
        <source>Plant configuration (YAML).</source>
        <translation>Configuración de planta (YAML).</translation>
    </message>
    <message>
        <source>Historian file (&quot;-&quot; = none; default from the config).</source>
        <translation>Archivo del histórico (&quot;-&quot; = ninguno; por defecto el de la configuración).</translation>
    </message>
    <message>
        <source>Use this port for every MQTT connection.</source>
        <translation>Usar este puerto para todas las conexiones MQTT.</translation>
    </message>
    <message>
        <source>Save a screenshot of every page to this directory and exit.</source>
        <translation>Guardar una captura de cada página en este directorio y salir.</translation>
    </message>
    <message>
        <source>Seconds to wait before the screenshots (default 3).</source>
        <translation>Segundos de espera antes de las capturas (por defecto 3).</translation>
    </message>
    <message>
        <source>Colour theme: light or dark.</source>
        <translation>Tema de color: light (claro) o dark (oscuro).</translation>
    </message>
    <message>
        <source>The plant configuration cannot be loaded</source>
        <translation>No se puede cargar la configuración de planta</translation>
    </message>
    <message>
        <source>Invalid option</source>
        <translation>Opción no válida</translation>
    </message>
    <message>
        <source>--mqtt-port needs a port number between 1 and 65535, not &quot;%1&quot;.</source>
        <translation>--mqtt-port necesita un puerto entre 1 y 65535, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>--theme must be light or dark, not &quot;%1&quot;.</source>
        <translation>--theme debe ser light o dark, no &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>The historian cannot be opened</source>
        <translation>No se puede abrir el histórico</translation>
    </message>
    <message>
        <source>Quit right after the main window is first painted (start-up time measurement).</source>
        <translation>Salir justo después del primer dibujado de la ventana principal (medición del tiempo de arranque).</translation>
    </message>
</context>
</TS>
