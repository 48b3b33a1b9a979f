<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES">
<context>
    <name>TrendMenu</name>
    <message>
        <source>Trend %1</source>
        <translation>Tendencia de %1</translation>
    </message>
    <message>
        <source>Trend all</source>
        <translation>Tendencia de todos los valores</translation>
    </message>
</context>
<context>
    <name>andon::AccessControl</name>
    <message>
        <source>the audit journal is not open (no historian)</source>
        <translation>el diario de auditoría no está abierto (sin histórico)</translation>
    </message>
    <message>
        <source>the audit entry could not be written: %1</source>
        <translation>no se pudo escribir la anotación de auditoría: %1</translation>
    </message>
    <message>
        <source>the password could not be hashed (out of memory)</source>
        <translation>no se pudo calcular el hash de la contraseña (memoria insuficiente)</translation>
    </message>
    <message numerus="yes">
        <source>The password needs at least %n characters.</source>
        <translation>
            <numerusform>La contraseña necesita al menos %n carácter.</numerusform>
            <numerusform>La contraseña necesita al menos %n caracteres.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The password is longer than %n characters.</source>
        <translation>
            <numerusform>La contraseña tiene más de %n carácter.</numerusform>
            <numerusform>La contraseña tiene más de %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The password must not be the user name.</source>
        <translation>La contraseña no puede ser el nombre de usuario.</translation>
    </message>
    <message>
        <source>The user name is empty.</source>
        <translation>El nombre de usuario está vacío.</translation>
    </message>
    <message numerus="yes">
        <source>The user name is longer than %n characters.</source>
        <translation>
            <numerusform>El nombre de usuario tiene más de %n carácter.</numerusform>
            <numerusform>El nombre de usuario tiene más de %n caracteres.</numerusform>
        </translation>
    </message>
    <message>
        <source>The user name contains control characters.</source>
        <translation>El nombre de usuario contiene caracteres de control.</translation>
    </message>
    <message>
        <source>The users store is not open.</source>
        <translation>La base de datos de usuarios no está abierta.</translation>
    </message>
    <message>
        <source>User administration is refused: the audit journal is not open (no historian).</source>
        <translation>Se rechaza la gestión de usuarios: el diario de auditoría no está abierto (sin histórico).</translation>
    </message>
    <message>
        <source>There is no user called %1.</source>
        <translation>No existe ningún usuario llamado %1.</translation>
    </message>
    <message>
        <source>Sign-in failed: wrong user name or password.</source>
        <translation>Error al iniciar sesión: nombre de usuario o contraseña incorrectos.</translation>
    </message>
    <message>
        <source>Too many failed sign-ins: this user name is locked until %1.</source>
        <translation>Demasiados inicios de sesión fallidos: este nombre de usuario está bloqueado hasta %1.</translation>
    </message>
    <message>
        <source>Sign-in as %1 refused: locked</source>
        <translation>Inicio de sesión como %1 rechazado: bloqueado</translation>
    </message>
    <message>
        <source>Failed sign-in as %1: unknown user</source>
        <translation>Inicio de sesión fallido como %1: usuario desconocido</translation>
    </message>
    <message numerus="yes">
        <source>%1 locked out after %n failed sign-ins</source>
        <translation>
            <numerusform>%1 bloqueado tras %n inicio de sesión fallido</numerusform>
            <numerusform>%1 bloqueado tras %n inicios de sesión fallidos</numerusform>
        </translation>
    </message>
    <message>
        <source>libsodium could not be initialised</source>
        <translation>no se pudo inicializar libsodium</translation>
    </message>
    <message>
        <source>Sign-in is not possible: the users store is not open.</source>
        <translation>No es posible iniciar sesión: la base de datos de usuarios no está abierta.</translation>
    </message>
    <message>
        <source>Sign-in is not possible: the audit journal is not open (no historian).</source>
        <translation>No es posible iniciar sesión: el diario de auditoría no está abierto (sin histórico).</translation>
    </message>
    <message>
        <source>Sign-in is not possible: the users store cannot be read.</source>
        <translation>No es posible iniciar sesión: no se puede leer la base de datos de usuarios.</translation>
    </message>
    <message>
        <source>Failed sign-in as %1: wrong password</source>
        <translation>Inicio de sesión fallido como %1: contraseña incorrecta</translation>
    </message>
    <message>
        <source>Sign-in as %1 refused: account disabled</source>
        <translation>Inicio de sesión como %1 rechazado: cuenta desactivada</translation>
    </message>
    <message>
        <source>This account is disabled; ask an administrator.</source>
        <translation>Esta cuenta está desactivada; consulte a un administrador.</translation>
    </message>
    <message>
        <source>%1 signed out (user switch to %2)</source>
        <translation>Sesión de %1 cerrada (cambio de usuario a %2)</translation>
    </message>
    <message>
        <source>%1 signed in as %2</source>
        <translation>%1 inició sesión como %2</translation>
    </message>
    <message>
        <source>Sign-in is not possible: %1</source>
        <translation>No es posible iniciar sesión: %1</translation>
    </message>
    <message>
        <source>%1 signed out after the idle timeout</source>
        <translation>Sesión de %1 cerrada por inactividad</translation>
    </message>
    <message>
        <source>%1 signed out</source>
        <translation>Sesión de %1 cerrada</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs the %2 role; you are signed in as %3.</source>
        <translation>&quot;%1&quot; requiere el rol %2; ha iniciado sesión como %3.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; needs the %2 role; sign in first.</source>
        <translation>&quot;%1&quot; requiere el rol %2; inicie sesión primero.</translation>
    </message>
    <message>
        <source>The first user must be an administrator.</source>
        <translation>El primer usuario debe ser un administrador.</translation>
    </message>
    <message>
        <source>A user called %1 exists already.</source>
        <translation>Ya existe un usuario llamado %1.</translation>
    </message>
    <message>
        <source>User %1 added as %2</source>
        <translation>Usuario %1 añadido como %2</translation>
    </message>
    <message>
        <source>%1 has the role %2 already.</source>
        <translation>%1 ya tiene el rol %2.</translation>
    </message>
    <message>
        <source>%1 is the last administrator; add another one first.</source>
        <translation>%1 es el último administrador; añada primero otro.</translation>
    </message>
    <message>
        <source>Role of %1 changed from %2 to %3</source>
        <translation>Rol de %1 cambiado de %2 a %3</translation>
    </message>
    <message>
        <source>Password of %1 changed</source>
        <translation>Contraseña de %1 cambiada</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Inicie sesión primero.</translation>
    </message>
    <message>
        <source>The password cannot be changed: the users store or the audit journal is not open.</source>
        <translation>No se puede cambiar la contraseña: la base de datos de usuarios o el diario de auditoría no está abierto.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>La contraseña actual es incorrecta.</translation>
    </message>
    <message>
        <source>%1 changed their own password</source>
        <translation>%1 cambió su propia contraseña</translation>
    </message>
    <message>
        <source>%1 is disabled already.</source>
        <translation>%1 ya está desactivado.</translation>
    </message>
    <message>
        <source>%1 is enabled already.</source>
        <translation>%1 ya está activado.</translation>
    </message>
    <message>
        <source>User %1 disabled</source>
        <translation>Usuario %1 desactivado</translation>
    </message>
    <message>
        <source>User %1 enabled</source>
        <translation>Usuario %1 activado</translation>
    </message>
    <message>
        <source>User %1 unlocked</source>
        <translation>Usuario %1 desbloqueado</translation>
    </message>
</context>
<context>
    <name>andon::Action</name>
    <message>
        <source>Acknowledge alarms</source>
        <translation>Reconocer alarmas</translation>
    </message>
    <message>
        <source>Shelve alarms</source>
        <translation>Archivar alarmas</translation>
    </message>
    <message>
        <source>Comment on alarms</source>
        <translation>Comentar alarmas</translation>
    </message>
    <message>
        <source>Take alarms out of service</source>
        <translation>Poner alarmas fuera de servicio</translation>
    </message>
    <message>
        <source>Change alarm settings</source>
        <translation>Cambiar ajustes de alarmas</translation>
    </message>
    <message>
        <source>Enter stop and scrap reasons</source>
        <translation>Introducir motivos de paradas y rechazos</translation>
    </message>
    <message>
        <source>Freeze SPC control limits</source>
        <translation>Congelar límites de control SPC</translation>
    </message>
    <message>
        <source>Record maintenance service</source>
        <translation>Registrar mantenimiento</translation>
    </message>
    <message>
        <source>Write values to Modbus devices</source>
        <translation>Escribir valores en dispositivos Modbus</translation>
    </message>
    <message>
        <source>Edit the configuration</source>
        <translation>Editar la configuración</translation>
    </message>
    <message>
        <source>View the audit journal</source>
        <translation>Ver el diario de auditoría</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>Exportar datos</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Gestionar usuarios</translation>
    </message>
</context>
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
    <name>andon::Role</name>
    <message>
        <source>Viewer</source>
        <translation>Observador</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operador</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Engineer</source>
        <translation>Ingeniero</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
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
    <name>andon::models::TopicTreeModel</name>
    <message>
        <source>boolean</source>
        <translation>booleano</translation>
    </message>
    <message>
        <source>number</source>
        <translation>número</translation>
    </message>
    <message>
        <source>text</source>
        <translation>texto</translation>
    </message>
    <message>
        <source>null</source>
        <translation>nulo</translation>
    </message>
    <message>
        <source>array</source>
        <translation>array</translation>
    </message>
    <message>
        <source>object</source>
        <translation>objeto</translation>
    </message>
    <message>
        <source>1 metric</source>
        <translation>1 métrica</translation>
    </message>
    <message>
        <source>%1 metrics</source>
        <translation>%1 métricas</translation>
    </message>
    <message>
        <source> · seq %1</source>
        <translation> · seq %1</translation>
    </message>
    <message>
        <source>not a Sparkplug B payload: %1</source>
        <translation>no es un contenido Sparkplug B: %1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(vacío)</translation>
    </message>
    <message>
        <source>%1 bytes: </source>
        <translation>%1 bytes: </translation>
    </message>
    <message>
        <source>empty</source>
        <translation>vacío</translation>
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
        <translation>binario</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Last value</source>
        <translation>Último valor</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Mensajes</translation>
    </message>
    <message>
        <source>Rate (msg/s)</source>
        <translation>Tasa (msg/s)</translation>
    </message>
    <message>
        <source>Last received</source>
        <translation>Última recepción</translation>
    </message>
    <message>
        <source>QoS</source>
        <translation>QoS</translation>
    </message>
    <message>
        <source>Retained</source>
        <translation>Retenido</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>%1 (already bound to a tag)</source>
        <translation>%1 (ya asignado a un tag)</translation>
    </message>
    <message>
        <source>(empty level)</source>
        <translation>(nivel vacío)</translation>
    </message>
    <message>
        <source>— (not in the last message)</source>
        <translation>— (no está en el último mensaje)</translation>
    </message>
    <message>
        <source>Sparkplug edge node</source>
        <translation>Nodo edge Sparkplug</translation>
    </message>
    <message>
        <source>Sparkplug device</source>
        <translation>Dispositivo Sparkplug</translation>
    </message>
    <message>
        <source>%1 · alias %2</source>
        <translation>%1 · alias %2</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>retenido</translation>
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
        <translation>alias %1</translation>
    </message>
    <message>
        <source>(%1 bytes in total; the start is shown)</source>
        <translation>(%1 bytes en total; se muestra el principio)</translation>
    </message>
</context>
<context>
    <name>andon::ui::AccessGate</name>
    <message>
        <source>%1 is not available here: nobody can sign in.</source>
        <translation>%1 no está disponible aquí: nadie puede iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>andon::ui::AlarmSettingsDialog</name>
    <message>
        <source>Alarm settings</source>
        <translation>Ajustes de alarma</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Defined in</source>
        <translation>Definida en</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Ajuste</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Actual</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nuevo</translation>
    </message>
    <message>
        <source>Limit</source>
        <translation>Límite</translation>
    </message>
    <message>
        <source>Setpoint</source>
        <translation>Consigna</translation>
    </message>
    <message>
        <source>Deadband</source>
        <translation>Banda muerta</translation>
    </message>
    <message>
        <source>On-delay</source>
        <translation>Retardo de activación</translation>
    </message>
    <message>
        <source>Off-delay</source>
        <translation>Retardo de desactivación</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>0 to 3600 s</source>
        <translation>De 0 a 3600 s</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Why (required; recorded with the change)</source>
        <translation>Motivo (obligatorio; se registra con el cambio)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Aplicar</translation>
    </message>
    <message>
        <source>Change the alarm now and save it to the configuration</source>
        <translation>Cambiar la alarma ahora y guardarla en la configuración</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Unknown alarm %1</source>
        <translation>Alarma desconocida %1</translation>
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
        <translation>%1 — se activa cuando el valor supera el límite</translation>
    </message>
    <message>
        <source>%1 — raises when the value is below the limit</source>
        <translation>%1 — se activa cuando el valor está por debajo del límite</translation>
    </message>
    <message>
        <source>%1 — raises when the value is further from the setpoint than the limit</source>
        <translation>%1 — se activa cuando el valor se aleja de la consigna más que el límite</translation>
    </message>
    <message>
        <source>%1 — raises when the value changes faster than the limit (over %2 s)</source>
        <translation>%1 — se activa cuando el valor cambia más rápido que el límite (en %2 s)</translation>
    </message>
    <message>
        <source>%1 — raises on the listed values; no limit</source>
        <translation>%1 — se activa con los valores indicados; sin límite</translation>
    </message>
    <message>
        <source>%1 — raises while the tag&apos;s quality is bad; no limit</source>
        <translation>%1 — se activa mientras la calidad del tag es mala; sin límite</translation>
    </message>
    <message>
        <source>no configuration file</source>
        <translation>sin archivo de configuración</translation>
    </message>
    <message>
        <source>%1, line %2</source>
        <translation>%1, línea %2</translation>
    </message>
    <message>
        <source>This entry defines the alarm on each of %1; a change applies to all of them.</source>
        <translation>Esta entrada define la alarma en cada uno de estos: %1; un cambio se aplica a todos.</translation>
    </message>
    <message>
        <source>Within the tag&apos;s range %1 to %2</source>
        <translation>Dentro del rango del tag, de %1 a %2</translation>
    </message>
    <message>
        <source>Return-to-normal hysteresis (ISA-18.2 §5.3)</source>
        <translation>Histéresis de retorno a la normalidad (ISA-18.2 §5.3)</translation>
    </message>
    <message>
        <source>No historian is open: a change could not be audited, so it is refused.</source>
        <translation>No hay ningún histórico abierto: un cambio no podría auditarse, así que se rechaza.</translation>
    </message>
    <message>
        <source>SPC violation alarms are set on the characteristic&apos;s specification in the configuration.</source>
        <translation>Las alarmas de violación SPC se definen en la especificación de la característica en la configuración.</translation>
    </message>
    <message>
        <source>Changes are recorded with your name (%1) and take effect immediately.</source>
        <translation>Los cambios se registran con su nombre (%1) y surten efecto inmediatamente.</translation>
    </message>
    <message>
        <source>There is no configuration file to save them to: they hold until Andon restarts.</source>
        <translation>No hay ningún archivo de configuración donde guardarlos: se mantienen hasta que Andon se reinicie.</translation>
    </message>
    <message>
        <source>They are saved to %1.</source>
        <translation>Se guardan en %1.</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>No se ha cambiado nada.</translation>
    </message>
    <message>
        <source>Enter a reason: it is recorded with the change.</source>
        <translation>Introduzca un motivo: se registra con el cambio.</translation>
    </message>
    <message>
        <source>Changed: %1. Saved to %2, line %3.</source>
        <translation>Cambiado: %1. Guardado en %2, línea %3.</translation>
    </message>
    <message>
        <source>Changed: %1. In force now, but not saved to the configuration (%2): it holds until Andon restarts.</source>
        <translation>Cambiado: %1. Vigente ahora, pero no guardado en la configuración (%2): se mantiene hasta que Andon se reinicie.</translation>
    </message>
</context>
<context>
    <name>andon::ui::AlarmsPage</name>
    <message>
        <source>Alarms</source>
        <translation>Alarmas</translation>
    </message>
    <message>
        <source>Times in %1</source>
        <translation>Horas en %1</translation>
    </message>
    <message>
        <source>No historian is open: alarm actions cannot be recorded and are refused; history and KPIs are not available.</source>
        <translation>No hay ningún histórico abierto: las acciones sobre alarmas no pueden registrarse y se rechazan; el historial y los KPI no están disponibles.</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activas</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historial</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>Todas las prioridades</translation>
    </message>
    <message>
        <source>Whole plant</source>
        <translation>Toda la planta</translation>
    </message>
    <message>
        <source>Not normal</source>
        <translation>No normales</translation>
    </message>
    <message>
        <source>Unacknowledged</source>
        <translation>Sin reconocer</translation>
    </message>
    <message>
        <source>Shelved</source>
        <translation>Archivadas</translation>
    </message>
    <message>
        <source>Suppressed by design</source>
        <translation>Suprimidas por diseño</translation>
    </message>
    <message>
        <source>Out of service</source>
        <translation>Fuera de servicio</translation>
    </message>
    <message>
        <source>All alarms</source>
        <translation>Todas las alarmas</translation>
    </message>
    <message>
        <source>Filter text</source>
        <translation>Texto de filtro</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Máquina</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>First out</source>
        <translation>Primera alarma</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>Reconocer</translation>
    </message>
    <message>
        <source>Acknowledge the selected alarm (Space)</source>
        <translation>Reconocer la alarma seleccionada (Espacio)</translation>
    </message>
    <message>
        <source>Acknowledge page</source>
        <translation>Reconocer página</translation>
    </message>
    <message>
        <source>Acknowledge every unacknowledged alarm in the list</source>
        <translation>Reconocer todas las alarmas sin reconocer de la lista</translation>
    </message>
    <message>
        <source>Shelve…</source>
        <translation>Archivar…</translation>
    </message>
    <message>
        <source>Take the selected alarm out of annunciation for a limited time</source>
        <translation>Retirar la alarma seleccionada de la señalización durante un tiempo limitado</translation>
    </message>
    <message>
        <source>Unshelve</source>
        <translation>Desarchivar</translation>
    </message>
    <message>
        <source>Return the selected alarm now</source>
        <translation>Devolver ahora la alarma seleccionada</translation>
    </message>
    <message>
        <source>Comment…</source>
        <translation>Comentario…</translation>
    </message>
    <message>
        <source>Add a note to the alarm&apos;s journal</source>
        <translation>Añadir una nota al diario de la alarma</translation>
    </message>
    <message>
        <source>Out of service…</source>
        <translation>Fuera de servicio…</translation>
    </message>
    <message>
        <source>Remove the selected alarm from service (maintenance), or return it</source>
        <translation>Poner la alarma seleccionada fuera de servicio (mantenimiento) o devolverla al servicio</translation>
    </message>
    <message>
        <source>Silence</source>
        <translation>Silenciar</translation>
    </message>
    <message>
        <source>Stop the alarm sound until the next new alarm</source>
        <translation>Detener el sonido de alarma hasta la próxima alarma nueva</translation>
    </message>
    <message>
        <source>Shelve alarm</source>
        <translation>Archivar alarma</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Why (required)</source>
        <translation>Motivo (obligatorio)</translation>
    </message>
    <message>
        <source>Alarm</source>
        <translation>Alarma</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Note for %1</source>
        <translation>Nota para %1</translation>
    </message>
    <message>
        <source>Why is %1 taken out of service?</source>
        <translation>¿Por qué se pone %1 fuera de servicio?</translation>
    </message>
    <message>
        <source>Alarm, machine, user or text</source>
        <translation>Alarma, máquina, usuario o texto</translation>
    </message>
    <message>
        <source>System events</source>
        <translation>Eventos del sistema</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Alarm / source</source>
        <translation>Alarma / origen</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hasta</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Export alarm history</source>
        <translation>Exportar historial de alarmas</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>Calcular</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Proporción</translation>
    </message>
    <message>
        <source>Max / min</source>
        <translation>Máx. / min</translation>
    </message>
    <message>
        <source>Active for</source>
        <translation>Tiempo activa</translation>
    </message>
    <message>
        <source>Top 10 bad actors</source>
        <translation>Las 10 alarmas más frecuentes</translation>
    </message>
    <message>
        <source>Chattering (3 or more in 1 min)</source>
        <translation>Alarmas intermitentes (3 o más en 1 min)</translation>
    </message>
    <message>
        <source>Standing and stale (over 24 h: ⚠)</source>
        <translation>Permanentes y obsoletas (más de 24 h: ⚠)</translation>
    </message>
    <message>
        <source> (returned)</source>
        <translation> (retornada)</translation>
    </message>
    <message>
        <source>no historian: alarm actions are not recorded</source>
        <translation>sin histórico: las acciones sobre alarmas no se registran</translation>
    </message>
    <message>
        <source> until %1</source>
        <translation> hasta %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>★ first</source>
        <translation>★ primera</translation>
    </message>
    <message numerus="yes">
        <source>%n alarm(s) listed</source>
        <translation>
            <numerusform>%n alarma en la lista</numerusform>
            <numerusform>%n alarmas en la lista</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unacknowledged</source>
        <translation>
            <numerusform>%n sin reconocer</numerusform>
            <numerusform>%n sin reconocer</numerusform>
        </translation>
    </message>
    <message>
        <source> — sound on</source>
        <translation> — sonido activado</translation>
    </message>
    <message>
        <source>Return to service</source>
        <translation>Devolver al servicio</translation>
    </message>
    <message>
        <source>Select an alarm first.</source>
        <translation>Seleccione primero una alarma.</translation>
    </message>
    <message>
        <source>No historian is open.</source>
        <translation>No hay ningún histórico abierto.</translation>
    </message>
    <message>
        <source>First %1 entries (newest first); narrow the search for more.</source>
        <translation>Primeras %1 entradas (las más recientes primero); acote la búsqueda para ver más.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first</source>
        <translation>
            <numerusform>%n entrada, las más recientes primero</numerusform>
            <numerusform>%n entradas, las más recientes primero</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Alarm history</source>
        <translation>Historial de alarmas</translation>
    </message>
    <message>
        <source>times in %1</source>
        <translation>horas en %1</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; alarms annunciated — &lt;b&gt;%2&lt;/b&gt; per 10 min on average (ISA-18.2: ~1 acceptable, ~2 at most), at most &lt;b&gt;%3&lt;/b&gt; in one 10-minute period. &lt;b&gt;%4 %&lt;/b&gt; of the time in flood (%5 floods; target below 1 %). Priorities: %6 critical, %7 high, %8 medium, %9 low.</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; alarmas anunciadas — &lt;b&gt;%2&lt;/b&gt; cada 10 min de media (ISA-18.2: ~1 aceptable, ~2 como máximo), como máximo &lt;b&gt;%3&lt;/b&gt; en un periodo de 10 minutos. &lt;b&gt;%4 %&lt;/b&gt; del tiempo en avalancha de alarmas (%5 avalanchas; objetivo por debajo del 1 %). Prioridades: %6 críticas, %7 altas, %8 medias, %9 bajas.</translation>
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
        <translation>Tendencia de %1</translation>
    </message>
    <message>
        <source>Edit settings…</source>
        <translation>Editar ajustes…</translation>
    </message>
    <message>
        <source>Change the selected alarm&apos;s limit, deadband, delays or priority (recorded in the audit journal)</source>
        <translation>Cambiar el límite, la banda muerta, los retardos o la prioridad de la alarma seleccionada (queda en el diario de auditoría)</translation>
    </message>
</context>
<context>
    <name>andon::ui::AuditDialog</name>
    <message>
        <source>Audit journal</source>
        <translation>Diario de auditoría</translation>
    </message>
    <message>
        <source>Audit (user actions)</source>
        <translation>Auditoría (acciones de usuario)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmas</translation>
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
        <translation>Mantenimiento</translation>
    </message>
    <message>
        <source>System</source>
        <translation>Sistema</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Todas las categorías</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Últimas 24 h</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>cualquier usuario</translation>
    </message>
    <message>
        <source>Search kind, source, values, message</source>
        <translation>Buscar tipo, origen, valores, mensaje</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>Valor anterior</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>Valor nuevo</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Save the entries shown as CSV (UTC and local time)</source>
        <translation>Guardar las entradas mostradas como CSV (UTC y hora local)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Export audit journal</source>
        <translation>Exportar diario de auditoría</translation>
    </message>
    <message>
        <source>CSV files (*.csv);;All files (*)</source>
        <translation>Archivos CSV (*.csv);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>⚠ No historian is open: there is no journal to show.</source>
        <translation>⚠ No hay ningún histórico abierto: no hay ningún diario que mostrar.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, newest first; times in local time (%1)</source>
        <translation>
            <numerusform>%n entrada, las más recientes primero; horas locales (%1)</numerusform>
            <numerusform>%n entradas, las más recientes primero; horas locales (%1)</numerusform>
        </translation>
    </message>
    <message>
        <source> — only the newest %1 are read: narrow the time range</source>
        <translation> — solo se leen las %1 más recientes: acote el periodo</translation>
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
        <translation>Explorar broker</translation>
    </message>
    <message>
        <source>Connection</source>
        <translation>Conexión</translation>
    </message>
    <message>
        <source>%1 (%2:%3)</source>
        <translation>%1 (%2:%3)</translation>
    </message>
    <message>
        <source>Root filter</source>
        <translation>Filtro raíz</translation>
    </message>
    <message>
        <source>MQTT topic filter to subscribe to, e.g. acme/# or spBv1.0/#</source>
        <translation>Filtro de topic MQTT al que suscribirse, p. ej. acme/# o spBv1.0/#</translation>
    </message>
    <message>
        <source>Browse</source>
        <translation>Explorar</translation>
    </message>
    <message>
        <source>Search topics, JSON fields and Sparkplug metrics</source>
        <translation>Buscar topics, campos JSON y métricas Sparkplug</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Topic</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Tráfico</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Entrega</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Last payload</source>
        <translation>Último contenido</translation>
    </message>
    <message>
        <source>Create binding…</source>
        <translation>Crear asignación…</translation>
    </message>
    <message>
        <source>Add a tag bound to the selected topic, JSON field or Sparkplug metric to the plant configuration</source>
        <translation>Añadir a la configuración de planta un tag asignado al topic, campo JSON o métrica Sparkplug seleccionados</translation>
    </message>
    <message>
        <source>&apos;%1&apos; is not a valid topic filter (&apos;#&apos; only as the whole last level, &apos;+&apos; only as a whole level)</source>
        <translation>&apos;%1&apos; no es un filtro de topic válido (&apos;#&apos; solo como último nivel completo, &apos;+&apos; solo como nivel completo)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <source>No MQTT connection is configured. Add one under connections.mqtt in the plant configuration to browse a broker.</source>
        <translation>No hay ninguna conexión MQTT configurada. Añada una en connections.mqtt de la configuración de planta para explorar un broker.</translation>
    </message>
    <message>
        <source>Choose a connection and a root filter, then Browse. Browsing uses its own client and never publishes.</source>
        <translation>Elija una conexión y un filtro raíz y pulse Explorar. La exploración usa su propio cliente y nunca publica.</translation>
    </message>
    <message>
        <source>State: %1 · %2 as %3 · %4 topics · %5 messages</source>
        <translation>Estado: %1 · %2 como %3 · %4 topics · %5 mensajes</translation>
    </message>
    <message>
        <source>⚠ Showing the first %1 topics: new topics are not added (%2 messages skipped). Narrow the root filter to see the rest.</source>
        <translation>⚠ Se muestran los primeros %1 topics: no se añaden topics nuevos (%2 mensajes omitidos). Restrinja el filtro raíz para ver el resto.</translation>
    </message>
    <message>
        <source>Select a topic, field or metric.</source>
        <translation>Seleccione un topic, un campo o una métrica.</translation>
    </message>
    <message>
        <source>%1, %2 bytes</source>
        <translation>%1, %2 bytes</translation>
    </message>
    <message>
        <source>topic level (no message on it)</source>
        <translation>nivel de topic (sin mensajes propios)</translation>
    </message>
    <message>
        <source>%1 topics below</source>
        <translation>%1 topics por debajo</translation>
    </message>
    <message>
        <source>JSON field %1</source>
        <translation>Campo JSON %1</translation>
    </message>
    <message>
        <source>value: %1</source>
        <translation>valor: %1</translation>
    </message>
    <message>
        <source>not in the last message (last seen: %1)</source>
        <translation>no está en el último mensaje (visto por última vez: %1)</translation>
    </message>
    <message>
        <source>group %1, edge node %2</source>
        <translation>grupo %1, nodo edge %2</translation>
    </message>
    <message>
        <source>group %1, edge node %2, device %3</source>
        <translation>grupo %1, nodo edge %2, dispositivo %3</translation>
    </message>
    <message>
        <source>Sparkplug B edge node</source>
        <translation>Nodo edge Sparkplug B</translation>
    </message>
    <message>
        <source>Sparkplug B device</source>
        <translation>Dispositivo Sparkplug B</translation>
    </message>
    <message>
        <source>Sparkplug B metric %1</source>
        <translation>Métrica Sparkplug B %1</translation>
    </message>
    <message>
        <source>datatype %1 · units %2 · alias %3 · value %4%5</source>
        <translation>tipo de datos %1 · unidades %2 · alias %3 · valor %4%5</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source> · already bound to a tag</source>
        <translation> · ya asignado a un tag</translation>
    </message>
    <message>
        <source>%1 messages · %2 msg/s · last %3</source>
        <translation>%1 mensajes · %2 msg/s · último %3</translation>
    </message>
    <message>
        <source>QoS %1 · %2</source>
        <translation>QoS %1 · %2</translation>
    </message>
    <message>
        <source>retained</source>
        <translation>retenido</translation>
    </message>
    <message>
        <source>not retained</source>
        <translation>no retenido</translation>
    </message>
    <message>
        <source>Added tag %1 at %2:%3 (previous version saved as %4). Restart Andon or reload the configuration to apply it.</source>
        <translation>Tag %1 añadido en %2:%3 (versión anterior guardada como %4). Reinicie Andon o recargue la configuración para aplicarlo.</translation>
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
    <message>
        <source>Browse broker…</source>
        <translation>Explorar broker…</translation>
    </message>
    <message>
        <source>Show the topics on a configured MQTT broker and create tag bindings from them (Ctrl+B)</source>
        <translation>Mostrar los topics de un broker MQTT configurado y crear a partir de ellos asignaciones de tags (Ctrl+B)</translation>
    </message>
    <message>
        <source>Scan registers…</source>
        <translation>Explorar registros…</translation>
    </message>
    <message>
        <source>Read a range of the selected device&apos;s registers and show it in every type and word order</source>
        <translation>Leer un rango de registros del dispositivo seleccionado y mostrarlo en todos los tipos y órdenes de palabras</translation>
    </message>
    <message>
        <source>Signal faults</source>
        <translation>Fallos de señal</translation>
    </message>
    <message>
        <source>Last signal fault</source>
        <translation>Último fallo de señal</translation>
    </message>
    <message>
        <source>4-20 mA inputs that left the NAMUR NE 43 limits (below 4 or above 20 mA; below 3.8 or above 20.5 mA is a sensor or wire fault), counted since the start</source>
        <translation>Entradas de 4-20 mA que salieron de los límites de NAMUR NE 43 (por debajo de 4 o por encima de 20 mA; por debajo de 3,8 o por encima de 20,5 mA es un fallo de sensor o de cableado), contadas desde el inicio</translation>
    </message>
    <message>
        <source>KPI publishing (UNS)</source>
        <translation>Publicación de KPI (UNS)</translation>
    </message>
    <message>
        <source>Topics</source>
        <translation>Topics</translation>
    </message>
    <message>
        <source>KPIs</source>
        <translation>KPI</translation>
    </message>
    <message>
        <source>Every</source>
        <translation>Intervalo</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Publicados</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallidos</translation>
    </message>
    <message>
        <source>Last publish</source>
        <translation>Última publicación</translation>
    </message>
    <message>
        <source>Messages the broker connection did not take (e.g. while it was down); they are sent again in the next round</source>
        <translation>Mensajes que la conexión con el broker no aceptó (p. ej. mientras estaba caída); se vuelven a enviar en la siguiente ronda</translation>
    </message>
    <message>
        <source>IoT Hub events, kpi_topic %1</source>
        <translation>Eventos de IoT Hub, kpi_topic %1</translation>
    </message>
    <message>
        <source>Device-to-cloud messages on %1 with the KPI topic as the property kpi_topic</source>
        <translation>Mensajes del dispositivo a la nube en %1 con el topic del KPI como propiedad kpi_topic</translation>
    </message>
    <message>
        <source>{path}: the ISA-95 path of each machine and line; {kpi}: oee/live, oee/shift, energy_per_unit/live, energy_per_unit/shift, state</source>
        <translation>{path}: la ruta ISA-95 de cada máquina y línea; {kpi}: oee/live, oee/shift, energy_per_unit/live, energy_per_unit/shift, state</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <source>energy</source>
        <translation>energía</translation>
    </message>
    <message>
        <source>state</source>
        <translation>estado</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>⚠ not running</source>
        <translation>⚠ no activo</translation>
    </message>
    <message>
        <source>publish: is configured, but connection %1 has no client; see the log (andon.publish)</source>
        <translation>publish: está configurado, pero la conexión %1 no tiene cliente; véase el registro (andon.publish)</translation>
    </message>
    <message>
        <source>⚠ not getting through, retrying</source>
        <translation>⚠ no llega, reintentando</translation>
    </message>
    <message>
        <source>Connection %1 did not take the last messages (last failure %2); each round tries again, and the values retained on the broker stay until replaced</source>
        <translation>La conexión %1 no aceptó los últimos mensajes (último fallo %2); cada ronda lo intenta de nuevo, y los valores retenidos en el broker se mantienen hasta que se sustituyan</translation>
    </message>
    <message>
        <source>publishing</source>
        <translation>publicando</translation>
    </message>
    <message>
        <source>starting</source>
        <translation>iniciando</translation>
    </message>
    <message>
        <source>last failure %1</source>
        <translation>último fallo %1</translation>
    </message>
    <message>
        <source>Last publish (%1)</source>
        <translation>Última publicación (%1)</translation>
    </message>
</context>
<context>
    <name>andon::ui::CreateBindingDialog</name>
    <message>
        <source>Create binding</source>
        <translation>Crear asignación</translation>
    </message>
    <message>
        <source>Sparkplug B metric &quot;%1&quot; of edge node %2/%3 on %4</source>
        <translation>Métrica Sparkplug B &quot;%1&quot; del nodo edge %2/%3 en %4</translation>
    </message>
    <message>
        <source>Sparkplug B metric &quot;%1&quot; of device %2/%3/%4 on %5</source>
        <translation>Métrica Sparkplug B &quot;%1&quot; del dispositivo %2/%3/%4 en %5</translation>
    </message>
    <message>
        <source>MQTT topic %1 on %2</source>
        <translation>Topic MQTT %1 en %2</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Origen</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Máquina</translation>
    </message>
    <message>
        <source>Letters, digits, &apos;_&apos; and &apos;-&apos;; the tag&apos;s path is machine/name</source>
        <translation>Letras, dígitos, &apos;_&apos; y &apos;-&apos;; la ruta del tag es máquina/nombre</translation>
    </message>
    <message>
        <source>Tag name</source>
        <translation>Nombre del tag</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>e.g. °C, mm/s, parts</source>
        <translation>p. ej. °C, mm/s, piezas</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
    </message>
    <message>
        <source>Payload format</source>
        <translation>Formato del contenido</translation>
    </message>
    <message>
        <source>JSON Pointer, e.g. /value (empty: whole document)</source>
        <translation>JSON Pointer, p. ej. /value (vacío: documento completo)</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>JSON Pointer to epoch ms/s or ISO-8601 (empty: receive time)</source>
        <translation>JSON Pointer a epoch ms/s o ISO-8601 (vacío: hora de recepción)</translation>
    </message>
    <message>
        <source>Timestamp</source>
        <translation>Marca de tiempo</translation>
    </message>
    <message>
        <source>JSON Pointer to a quality (empty: good)</source>
        <translation>JSON Pointer a una calidad (vacío: buena)</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>Escala</translation>
    </message>
    <message>
        <source>Offset</source>
        <translation>Desplazamiento</translation>
    </message>
    <message>
        <source>Written to %1 (a backup is kept as %2.bak)</source>
        <translation>Se escribe en %1 (se guarda una copia de seguridad como %2.bak)</translation>
    </message>
    <message>
        <source>Add to configuration</source>
        <translation>Añadir a la configuración</translation>
    </message>
    <message>
        <source>⚠ Not written: %1</source>
        <translation>⚠ No escrito: %1</translation>
    </message>
    <message>
        <source>⚠ Not written: no historian is open, so the change could not be recorded in the audit journal.</source>
        <translation>⚠ No escrito: no hay ningún histórico abierto, así que el cambio no podría anotarse en el diario de auditoría.</translation>
    </message>
    <message>
        <source>⚠ The audit journal did not record this change: %1</source>
        <translation>⚠ El diario de auditoría no anotó este cambio: %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::DerivedPenDialog</name>
    <message>
        <source>Derived pen</source>
        <translation>Curva calculada</translation>
    </message>
    <message>
        <source>e.g. Energy per part</source>
        <translation>p. ej. Energía por pieza</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>e.g. kWh/part</source>
        <translation>p. ej. kWh/pieza</translation>
    </message>
    <message>
        <source>Decimals:</source>
        <translation>Decimales:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>Unidad:</translation>
    </message>
    <message>
        <source>e.g. press2.power / (press2.rate * 60)</source>
        <translation>p. ej. press2.power / (press2.rate * 60)</translation>
    </message>
    <message>
        <source>Expression:</source>
        <translation>Expresión:</translation>
    </message>
    <message>
        <source>Tags by path with dots for slashes, or any unique end of it (&quot;press2.power&quot;); + − * / ^, min(), max(), abs(), sqrt(), log(), if-then-else as a ? b : c. Double-click a tag to insert it.</source>
        <translation>Tags por su ruta con puntos en lugar de barras, o cualquier final único de ella (&quot;press2.power&quot;); + − * / ^, min(), max(), abs(), sqrt(), log(), si-entonces-si no como a ? b : c. Haga doble clic en un tag para insertarlo.</translation>
    </message>
    <message>
        <source>Search tags…</source>
        <translation>Buscar tags…</translation>
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
        <translation>Añadir curva</translation>
    </message>
    <message>
        <source>Give the pen a name.</source>
        <translation>Asigne un nombre a la curva.</translation>
    </message>
    <message>
        <source>✓ Reads %1.</source>
        <translation>✓ Lee %1.</translation>
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
        <translation>Energía</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Hoy</translation>
    </message>
    <message>
        <source>Yesterday</source>
        <translation>Ayer</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>per hour</source>
        <translation>por hora</translation>
    </message>
    <message>
        <source>per shift</source>
        <translation>por turno</translation>
    </message>
    <message>
        <source>per day</source>
        <translation>por día</translation>
    </message>
    <message>
        <source>No historian is open: the Energy page needs the recorded meters and states.</source>
        <translation>No hay ningún histórico abierto: la página de energía necesita los contadores y estados registrados.</translation>
    </message>
    <message>
        <source>Energy by machine (kWh)</source>
        <translation>Energía por máquina (kWh)</translation>
    </message>
    <message>
        <source>Site power and demand (kW)</source>
        <translation>Potencia y demanda de la planta (kW)</translation>
    </message>
    <message>
        <source>Idle energy (waste)</source>
        <translation>Energía en vacío (desperdicio)</translation>
    </message>
    <message>
        <source>kWh</source>
        <translation>kWh</translation>
    </message>
    <message>
        <source>share</source>
        <translation>proporción</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>coste</translation>
    </message>
    <message>
        <source>Main meter breakdown</source>
        <translation>Desglose del contador principal</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>good units</source>
        <translation>unidades buenas</translation>
    </message>
    <message>
        <source>kWh/unit</source>
        <translation>kWh/unidad</translation>
    </message>
    <message>
        <source>Medium · line</source>
        <translation>Medio · línea</translation>
    </message>
    <message>
        <source>total</source>
        <translation>total</translation>
    </message>
    <message>
        <source>mean flow while stopped</source>
        <translation>caudal medio en parada</translation>
    </message>
    <message>
        <source>leak check</source>
        <translation>comprobación de fugas</translation>
    </message>
    <message>
        <source>no historian</source>
        <translation>sin histórico</translation>
    </message>
    <message>
        <source>Site %1 kWh · cost %2 %3</source>
        <translation>Planta %1 kWh · coste %2 %3</translation>
    </message>
    <message>
        <source> · CO₂e %1 kg</source>
        <translation> · CO₂e %1 kg</translation>
    </message>
    <message>
        <source> · base load %1 kW</source>
        <translation> · carga base %1 kW</translation>
    </message>
    <message>
        <source> · unmetered %1 kWh (%2 %)</source>
        <translation> · sin medir %1 kWh (%2 %)</translation>
    </message>
    <message>
        <source>time zone %1</source>
        <translation>zona horaria %1</translation>
    </message>
    <message>
        <source>computed in %1 ms; %2 warnings
%3</source>
        <translation>calculado en %1 ms; %2 advertencias
%3</translation>
    </message>
    <message>
        <source>Peak demand %1 kW (%2 min from %3)</source>
        <translation>Demanda máxima %1 kW (%2 min desde %3)</translation>
    </message>
    <message>
        <source>No complete demand window yet</source>
        <translation>Aún no hay ningún intervalo de demanda completo</translation>
    </message>
    <message>
        <source> · limit %1 kW</source>
        <translation> · límite %1 kW</translation>
    </message>
    <message>
        <source> · running window %1–%2: %3 kW now, projected %4 kW</source>
        <translation> · intervalo en curso %1–%2: %3 kW ahora, previsión %4 kW</translation>
    </message>
    <message>
        <source>⚠ Demand warning: projected %1 kW reaches %2 % of the %3 kW limit; keep the rest of the window below %4 kW. </source>
        <translation>⚠ Aviso de demanda: la previsión de %1 kW alcanza el %2 % del límite de %3 kW; mantenga el resto del intervalo por debajo de %4 kW. </translation>
    </message>
    <message>
        <source>site power (1 min)</source>
        <translation>potencia de la planta (1 min)</translation>
    </message>
    <message>
        <source>demand (%1 min)</source>
        <translation>demanda (%1 min)</translation>
    </message>
    <message>
        <source>limit %1 kW</source>
        <translation>límite %1 kW</translation>
    </message>
    <message>
        <source>forecast</source>
        <translation>previsión</translation>
    </message>
    <message>
        <source>kW</source>
        <translation>kW</translation>
    </message>
    <message>
        <source>⚠ leak %1 min</source>
        <translation>⚠ fuga %1 min</translation>
    </message>
    <message>
        <source>Flow stayed above %1 %2/h while the line was stopped; %3 %2 lost since %4</source>
        <translation>El caudal se mantuvo por encima de %1 %2/h con la línea parada; %3 %2 perdidos desde %4</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>ok</translation>
    </message>
    <message>
        <source>no stop</source>
        <translation>sin parada</translation>
    </message>
    <message>
        <source>The line did not stop long enough to judge a leak.</source>
        <translation>La línea no estuvo parada el tiempo suficiente para evaluar una fuga.</translation>
    </message>
    <message>
        <source>Main meter</source>
        <translation>Contador principal</translation>
    </message>
    <message>
        <source>Metered total</source>
        <translation>Total medido</translation>
    </message>
    <message>
        <source>unmetered rest</source>
        <translation>resto sin medir</translation>
    </message>
    <message>
        <source>Main meter minus the machines and sub-meters: lighting, HVAC, offices and losses</source>
        <translation>Contador principal menos las máquinas y los subcontadores: iluminación, climatización, oficinas y pérdidas</translation>
    </message>
    <message>
        <source>main meter</source>
        <translation>contador principal</translation>
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
    <message>
        <source>Trend</source>
        <translation>Tendencia</translation>
    </message>
    <message>
        <source>Show the selected tags on the Trends page (or double-click a row)</source>
        <translation>Mostrar los tags seleccionados en la página Tendencias (o doble clic en una fila)</translation>
    </message>
    <message>
        <source>Write…</source>
        <translation>Escribir…</translation>
    </message>
    <message>
        <source>Write a new value to the selected tag&apos;s Modbus device (asks for confirmation; recorded in the audit journal)</source>
        <translation>Escribir un valor nuevo en el dispositivo Modbus del tag seleccionado (pide confirmación; queda en el diario de auditoría)</translation>
    </message>
    <message>
        <source>Alarms</source>
        <translation>Alarmas</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioridad</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Mensaje</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Alarm settings…</source>
        <translation>Ajustes de alarma…</translation>
    </message>
    <message>
        <source>Change the limits, deadbands, delays or priorities of this machine&apos;s alarms (recorded in the audit journal)</source>
        <translation>Cambiar los límites, bandas muertas, retardos o prioridades de las alarmas de esta máquina (queda en el diario de auditoría)</translation>
    </message>
</context>
<context>
    <name>andon::ui::FirstAdminDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>Crear el administrador</translation>
    </message>
    <message>
        <source>No Andon user exists yet: create the administrator, who then adds the operators, supervisors and engineers.</source>
        <translation>Todavía no existe ningún usuario de Andon: cree el administrador, que luego añadirá a los operadores, supervisores e ingenieros.</translation>
    </message>
    <message>
        <source>e.g. admin</source>
        <translation>p. ej. admin</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>al menos %n carácter</numerusform>
            <numerusform>al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Repetir contraseña:</translation>
    </message>
    <message>
        <source>Create and sign in</source>
        <translation>Crear e iniciar sesión</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <source>Continue as a viewer; andon-cli user add can create the administrator too</source>
        <translation>Continuar como observador; andon-cli user add también puede crear el administrador</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>No users store is open: the administrator cannot be saved.</source>
        <translation>No hay ninguna base de datos de usuarios abierta: no se puede guardar el administrador.</translation>
    </message>
    <message>
        <source>A user exists already: sign in, or ask an administrator.</source>
        <translation>Ya existe un usuario: inicie sesión o consulte a un administrador.</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>The administrator was created but not signed in: %1</source>
        <translation>El administrador se ha creado, pero no se ha iniciado su sesión: %1</translation>
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
    <message>
        <source>Shift &amp;report…</source>
        <translation>Informe de &amp;turno…</translation>
    </message>
    <message>
        <source>Open &amp;history…</source>
        <translation>Abrir &amp;histórico…</translation>
    </message>
    <message>
        <source>Review a copied historian file read-only on the Trends page</source>
        <translation>Revisar en solo lectura un archivo de histórico copiado en la página Tendencias</translation>
    </message>
    <message>
        <source>Open history</source>
        <translation>Abrir histórico</translation>
    </message>
    <message>
        <source>Andon historian (*.db *.sqlite);;All files (*)</source>
        <translation>Histórico de Andon (*.db *.sqlite);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <source>&amp;Browse broker…</source>
        <translation>&amp;Explorar broker…</translation>
    </message>
    <message>
        <source>⚠ Historian: not writing, %1 samples waiting</source>
        <translation>⚠ Histórico: no escribe, %1 muestras en espera</translation>
    </message>
</context>
<context>
    <name>andon::ui::MaintenancePage</name>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>Condition of every machine, most urgent first</source>
        <translation>Estado de todas las máquinas, las más urgentes primero</translation>
    </message>
    <message>
        <source>Record service…</source>
        <translation>Registrar mantenimiento…</translation>
    </message>
    <message>
        <source>Work list CSV…</source>
        <translation>Lista de trabajo en CSV…</translation>
    </message>
    <message>
        <source>Work list PDF…</source>
        <translation>Lista de trabajo en PDF…</translation>
    </message>
    <message>
        <source>No historian is open. The Maintenance page judges vibration, temperatures, motor current and service counters from the history: start Andon with a historian (historian.path in the plant configuration, or --db FILE; a copied cache works for offline review).</source>
        <translation>No hay ningún histórico abierto. La página de mantenimiento evalúa la vibración, las temperaturas, la corriente del motor y los contadores de mantenimiento a partir del histórico: inicie Andon con un histórico (historian.path en la configuración de planta o --db FILE; para la revisión sin conexión sirve una caché copiada).</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Máquina</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Salud</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Causa</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>Vibration</source>
        <translation>Vibración</translation>
    </message>
    <message>
        <source>Remaining life (90 % band)</source>
        <translation>Vida útil restante (banda del 90 %)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Vence</translation>
    </message>
    <message>
        <source>Run hours</source>
        <translation>Horas de funcionamiento</translation>
    </message>
    <message>
        <source>Cycles</source>
        <translation>Ciclos</translation>
    </message>
    <message>
        <source>Service due</source>
        <translation>Mantenimiento previsto</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Stops, last %1 days</source>
        <translation>Paradas, últimos %1 días</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>Paradas</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Last</source>
        <translation>Última</translation>
    </message>
    <message>
        <source>Service history</source>
        <translation>Historial de mantenimiento</translation>
    </message>
    <message>
        <source>no historian</source>
        <translation>sin histórico</translation>
    </message>
    <message>
        <source>as of %1 %2, the newest data in %3</source>
        <translation>a fecha de %1 %2, los datos más recientes de %3</translation>
    </message>
    <message>
        <source>as of %1 %2 · refreshed every %3 s</source>
        <translation>a fecha de %1 %2 · se actualiza cada %3 s</translation>
    </message>
    <message>
        <source> · line %1</source>
        <translation> · línea %1</translation>
    </message>
    <message>
        <source>No machine selected</source>
        <translation>Ninguna máquina seleccionada</translation>
    </message>
    <message>
        <source>%1 — vibration trend with ISO zones and remaining life</source>
        <translation>%1 — tendencia de vibración con zonas ISO y vida útil restante</translation>
    </message>
    <message>
        <source>Vibration is not monitored on this machine.</source>
        <translation>La vibración no se supervisa en esta máquina.</translation>
    </message>
    <message>
        <source>Reaches zone %1 (%2 mm/s) in %3 h, at %4 — 90 % band %5 to %6 (%7 trend, adjusted R² %8). Plan the work before the early edge.</source>
        <translation>Alcanza la zona %1 (%2 mm/s) en %3 h, el %4 — banda del 90 % de %5 a %6 (tendencia %7, R² ajustado %8). Planifique el trabajo antes del extremo más temprano.</translation>
    </message>
    <message>
        <source>beyond the horizon</source>
        <translation>más allá del horizonte</translation>
    </message>
    <message>
        <source>Already in zone %1: %2</source>
        <translation>Ya en la zona %1: %2</translation>
    </message>
    <message>
        <source>No crossing foreseen within the horizon: %1</source>
        <translation>No se prevé ningún cruce dentro del horizonte: %1</translation>
    </message>
    <message>
        <source>Remaining life: %1</source>
        <translation>Vida útil restante: %1</translation>
    </message>
    <message>
        <source>Health %1 / 100, limited by %2</source>
        <translation>Índice de salud %1 / 100, limitado por %2</translation>
    </message>
    <message>
        <source>Vibration %1 mm/s, zone %2 (%3: A/B %4, B/C %5, C/D %6 mm/s)</source>
        <translation>Vibración %1 mm/s, zona %2 (%3: A/B %4, B/C %5, C/D %6 mm/s)</translation>
    </message>
    <message>
        <source>Temperature %1 °C, rise over ambient %2 K</source>
        <translation>Temperatura %1 °C, incremento sobre el ambiente %2 K</translation>
    </message>
    <message>
        <source>Motor current %1 % from its normal</source>
        <translation>Corriente del motor %1 % respecto a su valor normal</translation>
    </message>
    <message>
        <source>Motor current: learning its normal</source>
        <translation>Corriente del motor: aprendiendo su valor normal</translation>
    </message>
    <message>
        <source>Since %1: %2 run hours, %3 cycles; service due %4</source>
        <translation>Desde %1: %2 horas de funcionamiento, %3 ciclos; mantenimiento previsto %4</translation>
    </message>
    <message>
        <source>now (overdue)</source>
        <translation>ahora (vencido)</translation>
    </message>
    <message>
        <source>Faults (unplanned down) in %1 days: %2, %3 min</source>
        <translation>Averías (parada no planificada) en %1 días: %2, %3 min</translation>
    </message>
    <message>
        <source>%1 (fault)</source>
        <translation>%1 (avería)</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>No service recorded.</source>
        <translation>No hay ningún mantenimiento registrado.</translation>
    </message>
    <message>
        <source>%1 · vibration</source>
        <translation>%1 · vibración</translation>
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
        <translation>puntos de ajuste (en marcha)</translation>
    </message>
    <message>
        <source>90 % band</source>
        <translation>banda del 90 %</translation>
    </message>
    <message>
        <source>%1 fit</source>
        <translation>ajuste %1</translation>
    </message>
    <message>
        <source>zone %1 in %2 h
(%3–%4 h)</source>
        <translation>zona %1 en %2 h
(%3–%4 h)</translation>
    </message>
    <message>
        <source>&gt; horizon</source>
        <translation>&gt; horizonte</translation>
    </message>
    <message>
        <source>no historian is open</source>
        <translation>no hay ningún histórico abierto</translation>
    </message>
    <message>
        <source>say what was done</source>
        <translation>indique lo que se hizo</translation>
    </message>
    <message>
        <source>the event journal refused it</source>
        <translation>el diario de eventos lo rechazó</translation>
    </message>
    <message>
        <source>Service not recorded: %1</source>
        <translation>Mantenimiento no registrado: %1</translation>
    </message>
    <message>
        <source>Service recorded for %1</source>
        <translation>Mantenimiento registrado para %1</translation>
    </message>
    <message>
        <source>nothing computed yet</source>
        <translation>aún no se ha calculado nada</translation>
    </message>
    <message>
        <source>Export work list (PDF)</source>
        <translation>Exportar lista de trabajo (PDF)</translation>
    </message>
    <message>
        <source>Export work list (CSV)</source>
        <translation>Exportar lista de trabajo (CSV)</translation>
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
        <translation>Lista de trabajo guardada en %1</translation>
    </message>
    <message>
        <source>Work list not written: %1</source>
        <translation>Lista de trabajo no guardada: %1</translation>
    </message>
    <message>
        <source>Record what was done on the selected machine and reset the counters it renewed (event journal)</source>
        <translation>Registrar lo que se hizo en la máquina seleccionada y reiniciar los contadores renovados (diario de eventos)</translation>
    </message>
    <message>
        <source>%1 run hours since %2, %3 cycles since %4; service due %5</source>
        <translation>%1 horas de funcionamiento desde %2, %3 ciclos desde %4; mantenimiento previsto %5</translation>
    </message>
    <message>
        <source>alarm</source>
        <translation>alarma</translation>
    </message>
    <message>
        <source>alert</source>
        <translation>alerta</translation>
    </message>
    <message>
        <source>good</source>
        <translation>bueno</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>%1 / %2 / %3 particles per mL</source>
        <translation>%1 / %2 / %3 partículas por mL</translation>
    </message>
    <message>
        <source>Oil cleanliness ISO 4406 %1 (target %2) %3</source>
        <translation>Limpieza del aceite ISO 4406 %1 (objetivo %2) %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 steps above the target</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 niveles por encima del objetivo</translation>
    </message>
    <message>
        <source>Oil cleanliness ISO 4406 %1 (target %2) — %3</source>
        <translation>Limpieza del aceite ISO 4406 %1 (objetivo %2) — %3</translation>
    </message>
    <message>
        <source>Reaches its alarm code (%1) in %2 h (%3–%4 h)</source>
        <translation>Alcanza su código de alarma (%1) en %2 h (%3–%4 h)</translation>
    </message>
    <message>
        <source>Oil remaining life: %1</source>
        <translation>Vida útil restante del aceite: %1</translation>
    </message>
    <message>
        <source>Water in oil %1 (alert %2, alarm %3) — %4</source>
        <translation>Agua en el aceite %1 (alerta %2, alarma %3) — %4</translation>
    </message>
    <message>
        <source>%1 ppm</source>
        <translation>%1 ppm</translation>
    </message>
    <message>
        <source>%1 % saturation</source>
        <translation>%1 % de saturación</translation>
    </message>
    <message>
        <source>Oil permittivity %1 (%2 % from new oil %3) — %4</source>
        <translation>Permitividad del aceite %1 (%2 % respecto al aceite nuevo %3) — %4</translation>
    </message>
    <message>
        <source>Oil viscosity %1 mm²/s (%2 % from new oil) — %3</source>
        <translation>Viscosidad del aceite %1 mm²/s (%2 % respecto al aceite nuevo) — %3</translation>
    </message>
    <message>
        <source>Oil viscosity %1 % from new oil — %2</source>
        <translation>Viscosidad del aceite %1 % respecto al aceite nuevo — %2</translation>
    </message>
    <message>
        <source>Oil acid number %1 mg KOH/g (+%2 over new oil) — %3</source>
        <translation>Índice de acidez del aceite %1 mg KOH/g (+%2 sobre el aceite nuevo) — %3</translation>
    </message>
</context>
<context>
    <name>andon::ui::ModbusWriteDialog</name>
    <message>
        <source>FC5 — write single coil</source>
        <translation>FC5 — escribir una bobina</translation>
    </message>
    <message>
        <source>FC6 — write single register</source>
        <translation>FC6 — escribir un registro</translation>
    </message>
    <message>
        <source>FC15 — write multiple coils</source>
        <translation>FC15 — escribir varias bobinas</translation>
    </message>
    <message>
        <source>FC16 — write multiple registers</source>
        <translation>FC16 — escribir varios registros</translation>
    </message>
    <message>
        <source>none (read-only table)</source>
        <translation>ninguno (tabla de solo lectura)</translation>
    </message>
    <message>
        <source>This tag is not read from a Modbus device, so it cannot be written here.</source>
        <translation>Este tag no se lee de un dispositivo Modbus, así que no se puede escribir aquí.</translation>
    </message>
    <message>
        <source>%1 is read-only: writes are off unless its Modbus binding says &quot;writable: true&quot; in the plant configuration.</source>
        <translation>%1 es de solo lectura: la escritura está desactivada salvo que su asignación Modbus indique &quot;writable: true&quot; en la configuración de planta.</translation>
    </message>
    <message>
        <source>No historian is open, so this write could not be recorded in the audit journal. Writes are refused without an audit record: start Andon with a historian.</source>
        <translation>No hay ningún histórico abierto, así que esta escritura no podría anotarse en el diario de auditoría. Sin anotación de auditoría se rechazan las escrituras: inicie Andon con un histórico.</translation>
    </message>
    <message>
        <source>Modbus polling is not running, so nothing can be written.</source>
        <translation>La consulta Modbus no está en marcha, así que no se puede escribir nada.</translation>
    </message>
    <message>
        <source>Write to Modbus device — %1</source>
        <translation>Escribir en dispositivo Modbus — %1</translation>
    </message>
    <message>
        <source>unknown tag</source>
        <translation>tag desconocido</translation>
    </message>
    <message>
        <source>Write a new value to the device</source>
        <translation>Escribir un valor nuevo en el dispositivo</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Máquina:</translation>
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
        <translation>Unidad:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Dispositivo:</translation>
    </message>
    <message>
        <source>%1 — %2, unit id %3</source>
        <translation>%1 — %2, ID de unidad %3</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>Dirección:</translation>
    </message>
    <message>
        <source>%1 (Modicon reference; protocol address %2)</source>
        <translation>%1 (referencia Modicon; dirección de protocolo %2)</translation>
    </message>
    <message>
        <source>%1 (protocol address, 0-based)</source>
        <translation>%1 (dirección de protocolo, base 0)</translation>
    </message>
    <message>
        <source>coil (one bit)</source>
        <translation>bobina (un bit)</translation>
    </message>
    <message>
        <source>%1, order %2 (1 register)</source>
        <translation>%1, orden %2 (1 registro)</translation>
    </message>
    <message>
        <source>%1, order %2 (%3 registers)</source>
        <translation>%1, orden %2 (%3 registros)</translation>
    </message>
    <message>
        <source>, value = raw × %1 + %2</source>
        <translation>, valor = bruto × %1 + %2</translation>
    </message>
    <message>
        <source>Data type:</source>
        <translation>Tipo de datos:</translation>
    </message>
    <message>
        <source>Function code:</source>
        <translation>Código de función:</translation>
    </message>
    <message>
        <source> (write_multiple)</source>
        <translation> (write_multiple)</translation>
    </message>
    <message>
        <source>Current value:</source>
        <translation>Valor actual:</translation>
    </message>
    <message>
        <source>New value:</source>
        <translation>Valor nuevo:</translation>
    </message>
    <message>
        <source>Sends:</source>
        <translation>Envía:</translation>
    </message>
    <message>
        <source>Allowed: %1 (off) or %2 (on)</source>
        <translation>Permitido: %1 (apagado) o %2 (encendido)</translation>
    </message>
    <message>
        <source>Allowed by the data type: %1 … %2 %3</source>
        <translation>Permitido por el tipo de datos: %1 … %2 %3</translation>
    </message>
    <message>
        <source>; tag range %1 … %2 %3</source>
        <translation>; rango del tag %1 … %2 %3</translation>
    </message>
    <message>
        <source>The write is recorded in the audit journal as %1.</source>
        <translation>La escritura se anota en el diario de auditoría como %1.</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>Escribir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>no value yet</source>
        <translation>aún sin valor</translation>
    </message>
    <message>
        <source>%1 · Good</source>
        <translation>%1 · Buena</translation>
    </message>
    <message>
        <source>%1 · ⚠ %2</source>
        <translation>%1 · ⚠ %2</translation>
    </message>
    <message>
        <source>enter a value</source>
        <translation>introduzca un valor</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a number</source>
        <translation>&quot;%1&quot; no es un número</translation>
    </message>
    <message>
        <source>%1 %2 is outside the tag&apos;s range %3 … %4 %2</source>
        <translation>%1 %2 está fuera del rango del tag %3 … %4 %2</translation>
    </message>
    <message>
        <source>⚠ Cannot write: %1</source>
        <translation>⚠ No se puede escribir: %1</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>on</source>
        <translation>encendido</translation>
    </message>
    <message>
        <source>off</source>
        <translation>apagado</translation>
    </message>
    <message>
        <source>%1 = %2 (%3)</source>
        <translation>%1 = %2 (%3)</translation>
    </message>
    <message>
        <source>raw %1 → %2</source>
        <translation>bruto %1 → %2</translation>
    </message>
    <message>
        <source>⚠ Not written: %1</source>
        <translation>⚠ No escrito: %1</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Escribiendo…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Written: %1 to %2 (%3, FC%4). The new value is read back with the next poll.</source>
        <translation>Escrito: %1 en %2 (%3, FC%4). El valor nuevo se vuelve a leer en la siguiente consulta.</translation>
    </message>
    <message>
        <source>no historian is open</source>
        <translation>no hay ningún histórico abierto</translation>
    </message>
    <message>
        <source>⚠ The audit journal did not record this attempt: %1</source>
        <translation>⚠ El diario de auditoría no anotó este intento: %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::OeePage</name>
    <message>
        <source>Below target</source>
        <translation>Por debajo del objetivo</translation>
    </message>
    <message>
        <source>Machine or line:</source>
        <translation>Máquina o línea:</translation>
    </message>
    <message>
        <source>Line %1 (bottleneck)</source>
        <translation>Línea %1 (cuello de botella)</translation>
    </message>
    <message>
        <source>No historian is open. The OEE page computes availability, performance and quality from the history of states and counts: start Andon with a historian (historian.path in the plant configuration, or --db FILE).</source>
        <translation>No hay ningún histórico abierto. La página OEE calcula la disponibilidad, el rendimiento y la calidad a partir del histórico de estados y recuentos: inicie Andon con un histórico (historian.path en la configuración de planta o --db FILE).</translation>
    </message>
    <message>
        <source>Availability</source>
        <translation>Disponibilidad</translation>
    </message>
    <message>
        <source>Performance</source>
        <translation>Rendimiento</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>OEE</source>
        <translation>OEE</translation>
    </message>
    <message>
        <source>Target vs actual</source>
        <translation>Objetivo vs. real</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>A %</source>
        <translation>D %</translation>
    </message>
    <message>
        <source>P %</source>
        <translation>R %</translation>
    </message>
    <message>
        <source>Q %</source>
        <translation>C %</translation>
    </message>
    <message>
        <source>OEE %</source>
        <translation>OEE %</translation>
    </message>
    <message>
        <source>Planned h</source>
        <translation>Plan. h</translation>
    </message>
    <message>
        <source>Run h</source>
        <translation>Marcha h</translation>
    </message>
    <message>
        <source>Down h</source>
        <translation>Parada h</translation>
    </message>
    <message>
        <source>Good</source>
        <translation>Buenas</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rechazo</translation>
    </message>
    <message>
        <source>States in this shift</source>
        <translation>Estados en este turno</translation>
    </message>
    <message>
        <source>Downtime by reason (min, cumulative %)</source>
        <translation>Paradas por motivo (min, % acumulado)</translation>
    </message>
    <message>
        <source>This and previous shifts</source>
        <translation>Turno actual y anteriores</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>Unexplained stops ≥ micro-stop limit (click to give a reason)</source>
        <translation>Paradas sin motivo ≥ límite de microparada (haga clic para indicar el motivo)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Inicio</translation>
    </message>
    <message>
        <source>Machine</source>
        <translation>Máquina</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>no historian</source>
        <translation>sin histórico</translation>
    </message>
    <message>
        <source>Unassigned</source>
        <translation>Sin asignar</translation>
    </message>
    <message>
        <source>%1 — shift %2, %3 – %4 (%5)</source>
        <translation>%1 — turno %2, %3 – %4 (%5)</translation>
    </message>
    <message>
        <source> · bottleneck: %1</source>
        <translation> · cuello de botella: %1</translation>
    </message>
    <message>
        <source>%1 — no shift</source>
        <translation>%1 — sin turno</translation>
    </message>
    <message>
        <source>updated %1 (%2 ms)</source>
        <translation>actualizado %1 (%2 ms)</translation>
    </message>
    <message numerus="yes">
        <source>⚠ %n warning(s)</source>
        <translation>
            <numerusform>⚠ %n advertencia</numerusform>
            <numerusform>⚠ %n advertencias</numerusform>
        </translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Bottleneck: %1</source>
        <translation>Cuello de botella: %1</translation>
    </message>
    <message>
        <source>Unknown time (no data): %1 h</source>
        <translation>Tiempo desconocido (sin datos): %1 h</translation>
    </message>
    <message>
        <source>%1 (now)</source>
        <translation>%1 (ahora)</translation>
    </message>
    <message>
        <source>No data for this shift</source>
        <translation>Sin datos para este turno</translation>
    </message>
    <message>
        <source>⚠ Not recorded: %1</source>
        <translation>⚠ No registrado: %1</translation>
    </message>
    <message>
        <source>Click a stop to give its reason</source>
        <translation>Haga clic en una parada para indicar su motivo</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>%1 (bottleneck)</source>
        <translation>%1 (cuello de botella)</translation>
    </message>
</context>
<context>
    <name>andon::ui::OeePageComputer</name>
    <message>
        <source>day</source>
        <translation>día</translation>
    </message>
    <message>
        <source>No shift in the last week</source>
        <translation>Ningún turno en la última semana</translation>
    </message>
    <message>
        <source>no planned production time in this shift yet</source>
        <translation>aún no hay tiempo de producción planificado en este turno</translation>
    </message>
    <message>
        <source>the machine has not run in this shift</source>
        <translation>la máquina no ha funcionado en este turno</translation>
    </message>
    <message>
        <source>no ideal cycle time or no counts</source>
        <translation>sin tiempo de ciclo ideal o sin recuentos</translation>
    </message>
    <message>
        <source>no parts counted in this shift</source>
        <translation>no se han contado piezas en este turno</translation>
    </message>
    <message>
        <source>Shift %1</source>
        <translation>Turno %1</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>Turno</translation>
    </message>
    <message>
        <source>Day %1</source>
        <translation>Día %1</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>Día</translation>
    </message>
    <message>
        <source>Week: 7 days to %1</source>
        <translation>Semana: 7 días hasta %1</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Semana</translation>
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
    <name>andon::ui::ReasonDialog</name>
    <message>
        <source>Stop reason — %1</source>
        <translation>Motivo de parada — %1</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Avería</translation>
    </message>
    <message>
        <source>Idle</source>
        <translation>Inactividad</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; — %2: %3&lt;br&gt;%4 – %5 (%6 min, %7 min in planned time)%8</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; — %2: %3&lt;br&gt;%4 – %5 (%6 min, %7 min en tiempo planificado)%8</translation>
    </message>
    <message>
        <source>, a micro-stop</source>
        <translation>, una microparada</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Categoría</translation>
    </message>
    <message>
        <source>No reasons are configured for this machine (oee.reasons in the plant configuration); a comment can still be given.</source>
        <translation>No hay motivos configurados para esta máquina (oee.reasons en la configuración de planta); aun así se puede añadir un comentario.</translation>
    </message>
    <message>
        <source>Split at</source>
        <translation>Dividir en</translation>
    </message>
    <message>
        <source>Split</source>
        <translation>Dividir</translation>
    </message>
    <message>
        <source>The reason applies to the part before the split; the part after it stays to be explained.</source>
        <translation>El motivo se aplica a la parte anterior a la división; la parte posterior queda pendiente de explicar.</translation>
    </message>
    <message>
        <source>What happened (optional)</source>
        <translation>Qué ocurrió (opcional)</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Comentario</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
</context>
<context>
    <name>andon::ui::RegisterScanDialog</name>
    <message>
        <source>Scan registers — %1</source>
        <translation>Explorar registros — %1</translation>
    </message>
    <message>
        <source>Device %1 — %2, unit id %3, %4 addressing</source>
        <translation>Dispositivo %1 — %2, ID de unidad %3, direccionamiento %4</translation>
    </message>
    <message>
        <source>Modicon (1-based, e.g. 40001)</source>
        <translation>Modicon (base 1, p. ej. 40001)</translation>
    </message>
    <message>
        <source>protocol (0-based)</source>
        <translation>protocolo (base 0)</translation>
    </message>
    <message>
        <source>Holding registers (FC3)</source>
        <translation>Registros de retención (FC3)</translation>
    </message>
    <message>
        <source>Input registers (FC4)</source>
        <translation>Registros de entrada (FC4)</translation>
    </message>
    <message>
        <source>Coils (FC1)</source>
        <translation>Bobinas (FC1)</translation>
    </message>
    <message>
        <source>Discrete inputs (FC2)</source>
        <translation>Entradas discretas (FC2)</translation>
    </message>
    <message>
        <source>Table:</source>
        <translation>Tabla:</translation>
    </message>
    <message>
        <source>Start:</source>
        <translation>Inicio:</translation>
    </message>
    <message>
        <source>A Modicon reference such as 40001 or 400001 (its first digit picks the table), or a 1-based number within the table</source>
        <translation>Una referencia Modicon como 40001 o 400001 (su primer dígito elige la tabla) o un número en base 1 dentro de la tabla</translation>
    </message>
    <message>
        <source>Protocol address 0–65535 (0-based, as on the wire)</source>
        <translation>Dirección de protocolo 0–65535 (base 0, como en la trama)</translation>
    </message>
    <message>
        <source>Count:</source>
        <translation>Cantidad:</translation>
    </message>
    <message>
        <source>Read</source>
        <translation>Leer</translation>
    </message>
    <message>
        <source>Orders as:</source>
        <translation>Órdenes como:</translation>
    </message>
    <message>
        <source>The value starting at each register in this type, in all four word/byte orders</source>
        <translation>El valor que empieza en cada registro con este tipo, en los cuatro órdenes de palabras/bytes</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Copiar</translation>
    </message>
    <message>
        <source>Select a register to see every reading starting there.</source>
        <translation>Seleccione un registro para ver todas las interpretaciones que empiezan en él.</translation>
    </message>
    <message>
        <source>Copy selection</source>
        <translation>Copiar selección</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exportar CSV…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Export scan</source>
        <translation>Exportar exploración</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>⚠ Modbus polling is not running (no tag is bound to a Modbus device, or the sources are stopped), so nothing can be read.</source>
        <translation>⚠ La consulta Modbus no está en marcha (ningún tag está asignado a un dispositivo Modbus o las fuentes están detenidas), así que no se puede leer nada.</translation>
    </message>
    <message>
        <source>Choose a range and press Read. The read goes ahead of the polls and does not stop them.</source>
        <translation>Elija un rango y pulse Leer. La lectura se adelanta a las consultas y no las detiene.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a protocol address 0–65535</source>
        <translation>&quot;%1&quot; no es una dirección de protocolo 0–65535</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a Modicon reference (1–%2 after the table digit)</source>
        <translation>&quot;%1&quot; no es una referencia Modicon (1–%2 tras el dígito de tabla)</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is neither a Modicon reference (e.g. 40001) nor a 1-based number 1–65536</source>
        <translation>&quot;%1&quot; no es ni una referencia Modicon (p. ej. 40001) ni un número 1–65536 en base 1</translation>
    </message>
    <message>
        <source> bits</source>
        <translation> bits</translation>
    </message>
    <message>
        <source> registers</source>
        <translation> registros</translation>
    </message>
    <message>
        <source>⚠ %1 from address %2 runs past the last address 65535</source>
        <translation>⚠ %1 desde la dirección %2 sobrepasa la última dirección 65535</translation>
    </message>
    <message>
        <source>Reading %1 …</source>
        <translation>Leyendo %1 …</translation>
    </message>
    <message>
        <source>⚠ Device %1 (%2, unit id %3), %4: %5</source>
        <translation>⚠ Dispositivo %1 (%2, ID de unidad %3), %4: %5</translation>
    </message>
    <message numerus="yes">
        <source>Read %n bit(s): %1.</source>
        <translation>
            <numerusform>Leído %n bit: %1.</numerusform>
            <numerusform>Leídos %n bits: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Read %n register(s): %1. Look for the column where the values make sense; select a row for every reading starting there.</source>
        <translation>
            <numerusform>Leído %n registro: %1. Busque la columna en la que los valores tienen sentido; seleccione una fila para ver todas las interpretaciones que empiezan en ella.</numerusform>
            <numerusform>Leídos %n registros: %1. Busque la columna en la que los valores tienen sentido; seleccione una fila para ver todas las interpretaciones que empiezan en ella.</numerusform>
        </translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Dirección</translation>
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
        <translation>Estado</translation>
    </message>
    <message>
        <source>protocol address %1</source>
        <translation>dirección de protocolo %1</translation>
    </message>
    <message>
        <source>1 (on)</source>
        <translation>1 (encendido)</translation>
    </message>
    <message>
        <source>0 (off)</source>
        <translation>0 (apagado)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>Coils and discrete inputs are single bits: nothing to interpret.</source>
        <translation>Las bobinas y las entradas discretas son bits sueltos: no hay nada que interpretar.</translation>
    </message>
    <message>
        <source>Every reading starting at %1 (protocol address %2); raw, before scale and offset:</source>
        <translation>Todas las interpretaciones desde %1 (dirección de protocolo %2); en bruto, antes de escala y desplazamiento:</translation>
    </message>
    <message>
        <source>Every reading starting at %1; raw, before scale and offset:</source>
        <translation>Todas las interpretaciones desde %1; en bruto, antes de escala y desplazamiento:</translation>
    </message>
    <message numerus="yes">
        <source>As a string of %n register(s) from here: ABCD &quot;%1&quot; · BADC &quot;%2&quot;</source>
        <translation>
            <numerusform>Como cadena de %n registro desde aquí: ABCD &quot;%1&quot; · BADC &quot;%2&quot;</numerusform>
            <numerusform>Como cadena de %n registros desde aquí: ABCD &quot;%1&quot; · BADC &quot;%2&quot;</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
</context>
<context>
    <name>andon::ui::SecurityBanner</name>
    <message>
        <source>TLS hostname verification is off (tls.insecure): the broker&apos;s identity is not checked</source>
        <translation>la verificación del nombre de host TLS está desactivada (tls.insecure): no se comprueba la identidad del broker</translation>
    </message>
    <message>
        <source>plain MQTT to %1 (not TLS): readable and changeable on the network</source>
        <translation>MQTT sin cifrar a %1 (sin TLS): legible y modificable en la red</translation>
    </message>
    <message>
        <source>inline password in the configuration (%1)</source>
        <translation>contraseña en texto plano en la configuración (%1)</translation>
    </message>
    <message>
        <source>⚠ Insecure connection: %1 — %2</source>
        <translation>⚠ Conexión insegura: %1 — %2</translation>
    </message>
    <message>
        <source>See docs/security.md &quot;Secrets and TLS&quot; for the secure settings.</source>
        <translation>Para la configuración segura, véase docs/security.md &quot;Secrets and TLS&quot;.</translation>
    </message>
</context>
<context>
    <name>andon::ui::ServiceDialog</name>
    <message>
        <source>Record service — %1</source>
        <translation>Registrar mantenimiento — %1</translation>
    </message>
    <message>
        <source>Machine:</source>
        <translation>Máquina:</translation>
    </message>
    <message>
        <source>Recorded by:</source>
        <translation>Registrado por:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Hora:</translation>
    </message>
    <message>
        <source>What was done:</source>
        <translation>Trabajo realizado:</translation>
    </message>
    <message>
        <source>e.g. replaced the drive-end bearing, aligned the coupling</source>
        <translation>p. ej. sustituido el rodamiento del lado de accionamiento, alineado el acoplamiento</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registrar</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>No registrado: %1</translation>
    </message>
    <message>
        <source>Reset with this service</source>
        <translation>Reiniciar con este mantenimiento</translation>
    </message>
    <message>
        <source>since %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>Run hours: %1 h</source>
        <translation>Horas de funcionamiento: %1 h</translation>
    </message>
    <message>
        <source> of %1 h interval</source>
        <translation> de un intervalo de %1 h</translation>
    </message>
    <message>
        <source>Cycles: %1</source>
        <translation>Ciclos: %1</translation>
    </message>
    <message>
        <source> of %1 interval</source>
        <translation> de un intervalo de %1</translation>
    </message>
    <message>
        <source>Motor-current normal (learned from %1): learn it again</source>
        <translation>Valor normal de corriente del motor (aprendido desde %1): volver a aprenderlo</translation>
    </message>
    <message>
        <source>Motor-current normal: learn it again</source>
        <translation>Valor normal de corriente del motor: volver a aprenderlo</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — vencido</translation>
    </message>
    <message>
        <source>No counters monitored on this machine.</source>
        <translation>No se supervisa ningún contador en esta máquina.</translation>
    </message>
</context>
<context>
    <name>andon::ui::ShiftReportDialog</name>
    <message>
        <source>Shift report</source>
        <translation>Informe de turno</translation>
    </message>
    <message>
        <source>A printable PDF of one shift of one line: OEE, losses, top downtime reasons, state timeline, stops and comments.</source>
        <translation>Un PDF imprimible de un turno de una línea: OEE, pérdidas, principales motivos de parada, cronología de estados, paradas y comentarios.</translation>
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
        <translation>Examinar…</translation>
    </message>
    <message>
        <source>&amp;Line:</source>
        <translation>&amp;Línea:</translation>
    </message>
    <message>
        <source>Production &amp;day:</source>
        <translation>&amp;Día de producción:</translation>
    </message>
    <message>
        <source>&amp;Shift:</source>
        <translation>&amp;Turno:</translation>
    </message>
    <message>
        <source>&amp;PDF file:</source>
        <translation>Archivo &amp;PDF:</translation>
    </message>
    <message>
        <source>Times in %1. A night shift belongs to the day it starts on.</source>
        <translation>Horas en %1. Un turno de noche pertenece al día en que empieza.</translation>
    </message>
    <message>
        <source>&amp;Create PDF</source>
        <translation>&amp;Crear PDF</translation>
    </message>
    <message>
        <source>No historian is open, so there is no recorded history to report on. Start Andon with a historian (historian: path in the configuration).</source>
        <translation>No hay ningún histórico abierto, así que no hay datos registrados sobre los que informar. Inicie Andon con un histórico (historian: path en la configuración).</translation>
    </message>
    <message>
        <source>The configuration has no shift calendar (calendar: shifts:), so there are no shifts to report on.</source>
        <translation>La configuración no tiene calendario de turnos (calendar: shifts:), así que no hay turnos sobre los que informar.</translation>
    </message>
    <message>
        <source>The configuration has no lines.</source>
        <translation>La configuración no tiene líneas.</translation>
    </message>
    <message>
        <source>Save shift report</source>
        <translation>Guardar informe de turno</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>No historian is open.</source>
        <translation>No hay ningún histórico abierto.</translation>
    </message>
    <message>
        <source>Choose where to save the PDF.</source>
        <translation>Elija dónde guardar el PDF.</translation>
    </message>
    <message>
        <source>Reading the shift from the historian…</source>
        <translation>Leyendo el turno del histórico…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Escribiendo %1…</translation>
    </message>
    <message>
        <source>Andon %1</source>
        <translation>Andon %1</translation>
    </message>
    <message>
        <source>Cancelled: no file was written.</source>
        <translation>Cancelado: no se ha escrito ningún archivo.</translation>
    </message>
    <message>
        <source>The report was not written: %1</source>
        <translation>No se ha escrito el informe: %1</translation>
    </message>
    <message>
        <source>Written to %1.</source>
        <translation>Guardado en %1.</translation>
    </message>
    <message>
        <source>The shift report was written to
%1

Open it now?</source>
        <translation>El informe de turno se ha guardado en
%1

¿Abrirlo ahora?</translation>
    </message>
</context>
<context>
    <name>andon::ui::SignInDialog</name>
    <message>
        <source>Switch user</source>
        <translation>Cambiar de usuario</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Iniciar sesión</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2). The next user signs in here; %1 is signed out when the new sign-in succeeds.</source>
        <translation>Sesión iniciada como %1 (%2). El siguiente usuario inicia sesión aquí; la sesión de %1 se cierra cuando el nuevo inicio de sesión tiene éxito.</translation>
    </message>
    <message>
        <source>Sign in with your Andon user to acknowledge alarms, enter reasons and make changes. Without signing in, Andon only shows.</source>
        <translation>Inicie sesión con su usuario de Andon para reconocer alarmas, introducir motivos y hacer cambios. Sin iniciar sesión, Andon solo muestra datos.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Usuario:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Switch</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>⚠ No users store is open: nobody can sign in. Start Andon with a historian or set security.users_db in the configuration.</source>
        <translation>⚠ No hay ninguna base de datos de usuarios abierta: nadie puede iniciar sesión. Inicie Andon con un histórico o defina security.users_db en la configuración.</translation>
    </message>
    <message>
        <source>Sign-in refused.</source>
        <translation>Inicio de sesión rechazado.</translation>
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
        <translation>Tamaño de subgrupo: mediciones consecutivas de un producto dentro de un turno</translation>
    </message>
    <message>
        <source>Current shift</source>
        <translation>Turno actual</translation>
    </message>
    <message>
        <source>Last 8 h</source>
        <translation>Últimas 8 h</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Últimas 24 h</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Freeze limits…</source>
        <translation>Congelar límites…</translation>
    </message>
    <message>
        <source>Record the limits of the baseline subgroups as a new version (who, when and why are kept in the event journal)</source>
        <translation>Registrar los límites de los subgrupos de referencia como una nueva versión (quién, cuándo y por qué quedan en el diario de eventos)</translation>
    </message>
    <message>
        <source>Characteristic</source>
        <translation>Característica</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Producto</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>Gráfico</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Periodo</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Patrón</translation>
    </message>
    <message>
        <source>Subgroups</source>
        <translation>Subgrupos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Hora</translation>
    </message>
    <message>
        <source>Capability</source>
        <translation>Capacidad del proceso</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valor</translation>
    </message>
    <message>
        <source>Subgroup</source>
        <translation>Subgrupo</translation>
    </message>
    <message>
        <source>No historian is open: SPC needs the measurement history. Start Andon with a historian to see control charts.</source>
        <translation>No hay ningún histórico abierto: el SPC necesita el histórico de mediciones. Inicie Andon con un histórico para ver los gráficos de control.</translation>
    </message>
    <message>
        <source>no historian</source>
        <translation>sin histórico</translation>
    </message>
    <message>
        <source>No quality characteristic in the plant configuration. Give a tag specification limits (spec: { lsl, target, usl }) to chart it here.</source>
        <translation>No hay ninguna característica de calidad en la configuración de planta. Asigne a un tag límites de especificación (spec: { lsl, target, usl }) para representarlo aquí.</translation>
    </message>
    <message>
        <source>%1 measurements from %2 to %3 (%4)</source>
        <translation>%1 mediciones de %2 a %3 (%4)</translation>
    </message>
    <message>
        <source>%1 with bad quality left out</source>
        <translation>%1 con mala calidad excluidas</translation>
    </message>
    <message>
        <source>No measurements in this window</source>
        <translation>No hay mediciones en este periodo</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Cargando…</translation>
    </message>
    <message>
        <source>No limits: %1</source>
        <translation>Sin límites: %1</translation>
    </message>
    <message>
        <source>Limits in force: version %1, frozen by %2 on %3 — %4</source>
        <translation>Límites vigentes: versión %1, congelados por %2 el %3 — %4</translation>
    </message>
    <message>
        <source>⚠ Trial limits from subgroups %1–%2 of this window (not frozen): freeze them once the process is in control</source>
        <translation>⚠ Límites provisionales de los subgrupos %1–%2 de este periodo (no congelados): congélelos cuando el proceso esté bajo control</translation>
    </message>
    <message>
        <source>Zone</source>
        <translation>Zona</translation>
    </message>
    <message>
        <source>UCL</source>
        <translation>LCS</translation>
    </message>
    <message>
        <source>CL</source>
        <translation>LC</translation>
    </message>
    <message>
        <source>LCL</source>
        <translation>LCI</translation>
    </message>
    <message>
        <source>Run rule</source>
        <translation>Regla de rachas</translation>
    </message>
    <message>
        <source>Beyond limits</source>
        <translation>Fuera de límites</translation>
    </message>
    <message>
        <source>Selected</source>
        <translation>Seleccionado</translation>
    </message>
    <message>
        <source>X̄ chart: subgroup means (n = %1)</source>
        <translation>Gráfico X̄: medias de subgrupo (n = %1)</translation>
    </message>
    <message>
        <source>Individuals chart (n = %1)</source>
        <translation>Gráfico de valores individuales (n = %1)</translation>
    </message>
    <message>
        <source>EWMA chart (λ = 0.2, n = %1)</source>
        <translation>Gráfico EWMA (λ = 0,2, n = %1)</translation>
    </message>
    <message>
        <source>CUSUM chart: C⁺ (n = %1)</source>
        <translation>Gráfico CUSUM: C⁺ (n = %1)</translation>
    </message>
    <message numerus="yes">
        <source>%n violation(s)</source>
        <translation>
            <numerusform>%n violación</numerusform>
            <numerusform>%n violaciones</numerusform>
        </translation>
    </message>
    <message>
        <source>No companion chart for %1</source>
        <translation>Sin gráfico complementario para %1</translation>
    </message>
    <message>
        <source>R chart: subgroup ranges</source>
        <translation>Gráfico R: rangos de subgrupo</translation>
    </message>
    <message>
        <source>S chart: subgroup standard deviations</source>
        <translation>Gráfico S: desviaciones típicas de subgrupo</translation>
    </message>
    <message>
        <source>MR chart: moving ranges</source>
        <translation>Gráfico MR: rangos móviles</translation>
    </message>
    <message>
        <source>CUSUM chart: C⁻</source>
        <translation>Gráfico CUSUM: C⁻</translation>
    </message>
    <message>
        <source>Normal fit</source>
        <translation>Ajuste normal</translation>
    </message>
    <message>
        <source>LSL %1</source>
        <translation>LEI %1</translation>
    </message>
    <message>
        <source>USL %1</source>
        <translation>LES %1</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>Value (%1)</source>
        <translation>Valor (%1)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Cantidad</translation>
    </message>
    <message>
        <source>No specification limits: capability not computed.</source>
        <translation>Sin límites de especificación: no se calcula la capacidad del proceso.</translation>
    </message>
    <message>
        <source>Cp (within)</source>
        <translation>Cp (dentro)</translation>
    </message>
    <message>
        <source>(USL − LSL) / 6 σ within</source>
        <translation>(LES − LEI) / 6 σ dentro</translation>
    </message>
    <message>
        <source>Cpk (within)</source>
        <translation>Cpk (dentro)</translation>
    </message>
    <message>
        <source>min(USL − x̄, x̄ − LSL) / 3 σ within</source>
        <translation>min(LES − x̄, x̄ − LEI) / 3 σ dentro</translation>
    </message>
    <message>
        <source>Pp (overall)</source>
        <translation>Pp (general)</translation>
    </message>
    <message>
        <source>(USL − LSL) / 6 σ overall</source>
        <translation>(LES − LEI) / 6 σ general</translation>
    </message>
    <message>
        <source>Ppk (overall)</source>
        <translation>Ppk (general)</translation>
    </message>
    <message>
        <source>min(USL − x̄, x̄ − LSL) / 3 σ overall</source>
        <translation>min(LES − x̄, x̄ − LEI) / 3 σ general</translation>
    </message>
    <message>
        <source>n (values)</source>
        <translation>n (valores)</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>σ within / overall</source>
        <translation>σ dentro / general</translation>
    </message>
    <message>
        <source>LSL / USL</source>
        <translation>LEI / LES</translation>
    </message>
    <message>
        <source>Normality (Anderson-Darling p)</source>
        <translation>Normalidad (Anderson-Darling p)</translation>
    </message>
    <message>
        <source>not tested</source>
        <translation>no comprobada</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>Product / shift</source>
        <translation>Producto / turno</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>off shift</source>
        <translation>fuera de turno</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valores</translation>
    </message>
    <message>
        <source>Plotted (%1)</source>
        <translation>Representado (%1)</translation>
    </message>
    <message>
        <source>no value</source>
        <translation>sin valor</translation>
    </message>
    <message>
        <source>Machine: %1</source>
        <translation>Máquina: %1</translation>
    </message>
    <message>
        <source>No historian is open: limits cannot be frozen without an audit trail.</source>
        <translation>No hay ningún histórico abierto: los límites no pueden congelarse sin un registro de auditoría.</translation>
    </message>
    <message>
        <source>A reason is required to freeze limits.</source>
        <translation>Se requiere un motivo para congelar los límites.</translation>
    </message>
    <message>
        <source>No chart to freeze limits from.</source>
        <translation>No hay ningún gráfico del que congelar los límites.</translation>
    </message>
    <message>
        <source>Limits cannot be estimated: %1</source>
        <translation>No se pueden estimar los límites: %1</translation>
    </message>
    <message>
        <source>⚠ Limits not frozen: %1</source>
        <translation>⚠ Límites no congelados: %1</translation>
    </message>
    <message>
        <source>Freeze control limits</source>
        <translation>Congelar límites de control</translation>
    </message>
    <message>
        <source>No chart</source>
        <translation>Ningún gráfico</translation>
    </message>
    <message>
        <source>none (trial limits)</source>
        <translation>ninguna (límites provisionales)</translation>
    </message>
    <message>
        <source>%1, %2 chart: center %3, σ %4 from subgroups %5–%6</source>
        <translation>%1, gráfico %2: línea central %3, σ %4 de los subgrupos %5–%6</translation>
    </message>
    <message>
        <source>version %1 by %2 (%3)</source>
        <translation>versión %1 de %2 (%3)</translation>
    </message>
    <message>
        <source>New limits</source>
        <translation>Límites nuevos</translation>
    </message>
    <message>
        <source>In force now</source>
        <translation>Vigentes ahora</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Why (e.g. new baseline after tool change)</source>
        <translation>Motivo (p. ej. nueva referencia tras un cambio de herramienta)</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>Freeze</source>
        <translation>Congelar</translation>
    </message>
    <message>
        <source>Median X̃-R</source>
        <translation>Mediana X̃-R</translation>
    </message>
    <message>
        <source>Control chart</source>
        <translation>Gráfico de control</translation>
    </message>
    <message>
        <source>Box plot</source>
        <translation>Diagrama de caja</translation>
    </message>
    <message>
        <source>Box-and-whisker plot of each subgroup&apos;s values: box from Q1 to Q3 with the median, whiskers to the most extreme values within 1.5 IQR, outliers as points (quartiles by Minitab&apos;s method, Hyndman-Fan type 6)</source>
        <translation>Diagrama de caja y bigotes de los valores de cada subgrupo: caja de Q1 a Q3 con la mediana, bigotes hasta los valores más extremos dentro de 1,5 IQR, valores atípicos como puntos (cuartiles según el método de Minitab, Hyndman-Fan tipo 6)</translation>
    </message>
    <message>
        <source>Process tag</source>
        <translation>Tag de proceso</translation>
    </message>
    <message>
        <source>Out of control</source>
        <translation>Fuera de control</translation>
    </message>
    <message>
        <source>In control</source>
        <translation>Bajo control</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>Diferencia</translation>
    </message>
    <message>
        <source>Welch t</source>
        <translation>Welch t</translation>
    </message>
    <message>
        <source>Cohen&apos;s d</source>
        <translation>d de Cohen</translation>
    </message>
    <message>
        <source>n out / in</source>
        <translation>n fuera / dentro</translation>
    </message>
    <message>
        <source>(mean out of control − mean in control) / √(s₁²/n₁ + s₂²/n₂), Welch 1947; rows ranked by |t|</source>
        <translation>(media fuera de control − media bajo control) / √(s₁²/n₁ + s₂²/n₂), Welch 1947; filas ordenadas por |t|</translation>
    </message>
    <message>
        <source>difference of the means / pooled standard deviation (Cohen 1988)</source>
        <translation>diferencia de las medias / desviación típica combinada (Cohen 1988)</translation>
    </message>
    <message>
        <source>Violations</source>
        <translation>Violaciones</translation>
    </message>
    <message>
        <source>What differs when out of control</source>
        <translation>Qué cambia fuera de control</translation>
    </message>
    <message>
        <source>Defects</source>
        <translation>Defectos</translation>
    </message>
    <message>
        <source>count</source>
        <translation>cantidad</translation>
    </message>
    <message>
        <source>no defects</source>
        <translation>sin defectos</translation>
    </message>
    <message>
        <source>Defect type</source>
        <translation>Tipo de defecto</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>% acumulado</translation>
    </message>
    <message>
        <source>Defects (Pareto)</source>
        <translation>Defectos (Pareto)</translation>
    </message>
    <message>
        <source>Median chart: subgroup medians (n = %1)</source>
        <translation>Gráfico de medianas: medianas de subgrupo (n = %1)</translation>
    </message>
    <message>
        <source>USL</source>
        <translation>LES</translation>
    </message>
    <message>
        <source>LSL</source>
        <translation>LEI</translation>
    </message>
    <message>
        <source>Box plot of the subgroups (n = %1): Q1–Q3, median, whiskers to 1.5 IQR</source>
        <translation>Diagrama de caja de los subgrupos (n = %1): Q1–Q3, mediana, bigotes hasta 1,5 IQR</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Calculando…</translation>
    </message>
    <message>
        <source>%1 of %2 subgroups out of control (part of a rule violation). Each process tag&apos;s time-weighted mean over each subgroup&apos;s time span; ranked by |Welch t|. A difference is a lead to check, not a proven cause.</source>
        <translation>%1 de %2 subgrupos fuera de control (parte de una violación de regla). Media ponderada en el tiempo de cada tag de proceso sobre el intervalo de cada subgrupo; ordenado por |Welch t|. Una diferencia es una pista que comprobar, no una causa probada.</translation>
    </message>
    <message>
        <source>No defect types configured for this machine: list the counters of each defect type under its reject counter (defect_types: [...], docs/spc.md).</source>
        <translation>No hay tipos de defecto configurados para esta máquina: enumere los contadores de cada tipo de defecto bajo su contador de rechazos (defect_types: [...], docs/spc.md).</translation>
    </message>
    <message>
        <source>%1: %2 %3 in this window, %4 by type</source>
        <translation>%1: %2 %3 en este periodo, %4 por tipo</translation>
    </message>
    <message numerus="yes">
        <source>%n counter reset(s) counted across</source>
        <translation>
            <numerusform>%n reinicio de contador tenido en cuenta</numerusform>
            <numerusform>%n reinicios de contador tenidos en cuenta</numerusform>
        </translation>
    </message>
    <message>
        <source>also on this machine: %1</source>
        <translation>también en esta máquina: %1</translation>
    </message>
</context>
<context>
    <name>andon::ui::TrendsPage</name>
    <message>
        <source>Search tags…</source>
        <translation>Buscar tags…</translation>
    </message>
    <message>
        <source>Double-click a tag to add it as a pen.</source>
        <translation>Haga doble clic en un tag para añadirlo como curva.</translation>
    </message>
    <message>
        <source>Double-click a tag to trend it (up to %1 pens).</source>
        <translation>Haga doble clic en un tag para ver su tendencia (hasta %1 curvas).</translation>
    </message>
    <message>
        <source>Follow live</source>
        <translation>Seguir en vivo</translation>
    </message>
    <message>
        <source>Scroll with new data, keeping the zoom width</source>
        <translation>Desplazar con los datos nuevos, manteniendo el ancho del zoom</translation>
    </message>
    <message>
        <source>Cursors</source>
        <translation>Cursores</translation>
    </message>
    <message>
        <source>Two cursors: values at each, the difference, and statistics between them</source>
        <translation>Dos cursores: valores en cada uno, la diferencia y estadísticas entre ellos</translation>
    </message>
    <message>
        <source>Box zoom</source>
        <translation>Zoom de área</translation>
    </message>
    <message>
        <source>Drag a rectangle to zoom (or hold Shift while dragging)</source>
        <translation>Arrastre un rectángulo para ampliar (o mantenga Shift pulsada al arrastrar)</translation>
    </message>
    <message>
        <source>Autoscale</source>
        <translation>Autoescala</translation>
    </message>
    <message>
        <source>Fit the value axes to the visible data (or double-click the plot)</source>
        <translation>Ajustar los ejes de valores a los datos visibles (o doble clic en el gráfico)</translation>
    </message>
    <message>
        <source>Remove pen</source>
        <translation>Quitar curva</translation>
    </message>
    <message>
        <source>Remove the pen selected in the table (Delete)</source>
        <translation>Quitar la curva seleccionada en la tabla (Delete)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exportar</translation>
    </message>
    <message>
        <source>CSV (visible range)…</source>
        <translation>CSV (rango visible)…</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>Exportar CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>PNG image…</source>
        <translation>Imagen PNG…</translation>
    </message>
    <message>
        <source>Export PNG</source>
        <translation>Exportar PNG</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Imágenes PNG (*.png)</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>No se puede escribir %1</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exportar PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Copy image</source>
        <translation>Copiar imagen</translation>
    </message>
    <message>
        <source>Loading history…</source>
        <translation>Cargando histórico…</translation>
    </message>
    <message>
        <source>Saved trend sets</source>
        <translation>Conjuntos de tendencias guardados</translation>
    </message>
    <message>
        <source>Save set…</source>
        <translation>Guardar conjunto…</translation>
    </message>
    <message>
        <source>Delete set</source>
        <translation>Eliminar conjunto</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Mostrar</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Desde</translation>
    </message>
    <message>
        <source>to</source>
        <translation>hasta</translation>
    </message>
    <message>
        <source>Back to live data</source>
        <translation>Volver a datos en vivo</translation>
    </message>
    <message>
        <source>Pen</source>
        <translation>Curva</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Unidad</translation>
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
        <translation>Mín</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Máx</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Std dev</source>
        <translation>Desv. est.</translation>
    </message>
    <message>
        <source>Integral</source>
        <translation>Integral</translation>
    </message>
    <message>
        <source>Time &gt; limit</source>
        <translation>Tiempo &gt; límite</translation>
    </message>
    <message>
        <source>∫ value dt in value × hours (kW → kWh)</source>
        <translation>∫ valor dt en valor × horas (kW → kWh)</translation>
    </message>
    <message>
        <source>Time above the pen&apos;s upper limit (USL) between the cursors</source>
        <translation>Tiempo por encima del límite superior de especificación (LES) de la curva entre los cursores</translation>
    </message>
    <message>
        <source>Statistics between the cursors, or over the visible range without cursors (time-weighted, gaps left out)</source>
        <translation>Estadísticas entre los cursores o, sin cursores, sobre el rango visible (ponderadas en el tiempo, sin contar los huecos)</translation>
    </message>
    <message>
        <source>Save trend set</source>
        <translation>Guardar conjunto de tendencias</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Nombre:</translation>
    </message>
    <message>
        <source>Last 15 min</source>
        <translation>Últimos 15 min</translation>
    </message>
    <message>
        <source>Last 8 h</source>
        <translation>Últimas 8 h</translation>
    </message>
    <message>
        <source>Current shift</source>
        <translation>Turno actual</translation>
    </message>
    <message>
        <source>Last 24 h</source>
        <translation>Últimas 24 h</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>Últimos 7 días</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Últimos 30 días</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Personalizado…</translation>
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
        <translation>LES</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Objetivo</translation>
    </message>
    <message>
        <source>LSL</source>
        <translation>LEI</translation>
    </message>
    <message>
        <source>%1 state</source>
        <translation>Estado de %1</translation>
    </message>
    <message>
        <source>%1 – %2 (%3)</source>
        <translation>%1 – %2 (%3)</translation>
    </message>
    <message>
        <source> · no shift calendar: last 8 h</source>
        <translation> · sin calendario de turnos: últimas 8 h</translation>
    </message>
    <message>
        <source> · raw samples</source>
        <translation> · muestras en bruto</translation>
    </message>
    <message>
        <source> · minute min/max</source>
        <translation> · mín/máx por minuto</translation>
    </message>
    <message>
        <source> · hour min/max</source>
        <translation> · mín/máx por hora</translation>
    </message>
    <message>
        <source> · no historian: only the last minutes in memory</source>
        <translation> · sin histórico: solo los últimos minutos en memoria</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>state %1</source>
        <translation>estado %1</translation>
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
        <translation>Por encima de %1 %2</translation>
    </message>
    <message>
        <source>No upper limit configured for this tag</source>
        <translation>No hay límite superior configurado para este tag</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>No se puede escribir %1: %2</translation>
    </message>
    <message>
        <source>Exporting %1…</source>
        <translation>Exportando %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Export cancelled.</source>
        <translation>Exportación cancelada.</translation>
    </message>
    <message>
        <source>Trend sets</source>
        <translation>Conjuntos de tendencias</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>No se puede abrir %1: %2</translation>
    </message>
    <message>
        <source>Offline review: %1 (read-only)</source>
        <translation>Revisión sin conexión: %1 (solo lectura)</translation>
    </message>
    <message>
        <source>Overlay an earlier period on the pens, drawn dashed in the pen&apos;s colour</source>
        <translation>Superponer un periodo anterior a las curvas, en línea discontinua del color de la curva</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>Print trend</source>
        <translation>Imprimir tendencia</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Cannot print to %1.</source>
        <translation>No se puede imprimir en %1.</translation>
    </message>
    <message>
        <source> · dashed: %1</source>
        <translation> · discontinua: %1</translation>
    </message>
    <message>
        <source>No compare</source>
        <translation>Sin comparar</translation>
    </message>
    <message>
        <source>vs. prev. shift</source>
        <translation>vs. turno anterior</translation>
    </message>
    <message>
        <source>vs. last week</source>
        <translation>vs. semana pasada</translation>
    </message>
    <message>
        <source>No comparison</source>
        <translation>Sin comparación</translation>
    </message>
    <message>
        <source>Overlay the previous shift, dashed</source>
        <translation>Superponer el turno anterior en línea discontinua</translation>
    </message>
    <message>
        <source>Overlay the same weekday last week, dashed</source>
        <translation>Superponer el mismo día de la semana pasada en línea discontinua</translation>
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
        <translation>turno anterior (%1)</translation>
    </message>
    <message>
        <source>same weekday last week (%1)</source>
        <translation>mismo día de la semana pasada (%1)</translation>
    </message>
    <message>
        <source>Trend (offline review: %1)</source>
        <translation>Tendencia (revisión sin conexión: %1)</translation>
    </message>
    <message>
        <source>Trend</source>
        <translation>Tendencia</translation>
    </message>
    <message>
        <source>Printed %1 by %2 · Andon</source>
        <translation>Impreso el %1 por %2 · Andon</translation>
    </message>
    <message>
        <source>Add derived pen…</source>
        <translation>Añadir curva calculada…</translation>
    </message>
    <message>
        <source>A pen computed from other tags with a formula</source>
        <translation>Una curva calculada a partir de otros tags con una fórmula</translation>
    </message>
    <message>
        <source>%1 (derived)</source>
        <translation>%1 (calculada)</translation>
    </message>
    <message>
        <source>The pen needs a name.</source>
        <translation>La curva necesita un nombre.</translation>
    </message>
    <message>
        <source>There are already %1 pens; remove one first.</source>
        <translation>Ya hay %1 curvas; quite una primero.</translation>
    </message>
    <message>
        <source>Derived pen</source>
        <translation>Curva calculada</translation>
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
        <translation>Editar curva calculada…</translation>
    </message>
    <message>
        <source>Show alarm limits</source>
        <translation>Mostrar límites de alarma</translation>
    </message>
    <message>
        <source>No high or low alarm is configured for this tag</source>
        <translation>No hay ninguna alarma alta o baja configurada para este tag</translation>
    </message>
</context>
<context>
    <name>andon::ui::UserAdminDialog</name>
    <message>
        <source>Role id: %1</source>
        <translation>ID de rol: %1</translation>
    </message>
    <message>
        <source>Manage users</source>
        <translation>Gestionar usuarios</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Usuario</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rol</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Locked until</source>
        <translation>Bloqueado hasta</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>Último inicio de sesión</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Añadir…</translation>
    </message>
    <message>
        <source>Create a user with a role and a first password</source>
        <translation>Crear un usuario con un rol y una contraseña inicial</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Cambiar rol…</translation>
    </message>
    <message>
        <source>Give the selected user another role</source>
        <translation>Asignar otro rol al usuario seleccionado</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Restablecer contraseña…</translation>
    </message>
    <message>
        <source>Set a new password for the selected user</source>
        <translation>Establecer una contraseña nueva para el usuario seleccionado</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Desactivar</translation>
    </message>
    <message>
        <source>A disabled user cannot sign in; the history keeps the name</source>
        <translation>Un usuario desactivado no puede iniciar sesión; el historial conserva el nombre</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Desbloquear</translation>
    </message>
    <message>
        <source>End the lock-out after too many failed sign-ins</source>
        <translation>Levantar el bloqueo tras demasiados inicios de sesión fallidos</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nunca</translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s) in a row</source>
        <translation>
            <numerusform>%n inicio de sesión fallido seguido</numerusform>
            <numerusform>%n inicios de sesión fallidos seguidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Activar</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>Las dos contraseñas no coinciden.</translation>
    </message>
    <message>
        <source>No users store is open.</source>
        <translation>No hay ninguna base de datos de usuarios abierta.</translation>
    </message>
    <message>
        <source>User %1 added as %2.</source>
        <translation>Usuario %1 añadido como %2.</translation>
    </message>
    <message>
        <source>Select a user first.</source>
        <translation>Seleccione primero un usuario.</translation>
    </message>
    <message>
        <source>%1 is now %2.</source>
        <translation>%1 es ahora %2.</translation>
    </message>
    <message>
        <source>New password set for %1.</source>
        <translation>Contraseña nueva establecida para %1.</translation>
    </message>
    <message>
        <source>%1 is disabled.</source>
        <translation>%1 está desactivado.</translation>
    </message>
    <message>
        <source>%1 is enabled.</source>
        <translation>%1 está activado.</translation>
    </message>
    <message>
        <source>%1 is unlocked.</source>
        <translation>%1 está desbloqueado.</translation>
    </message>
    <message>
        <source>Add user</source>
        <translation>Añadir usuario</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>al menos %n carácter</numerusform>
            <numerusform>al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Nombre de usuario:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Rol:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Contraseña:</translation>
    </message>
    <message>
        <source>Repeat password:</source>
        <translation>Repetir contraseña:</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Añadir</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Cambiar rol</translation>
    </message>
    <message>
        <source>Role of %1:</source>
        <translation>Rol de %1:</translation>
    </message>
    <message>
        <source>Reset password — %1</source>
        <translation>Restablecer contraseña — %1</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Contraseña nueva:</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Establecer contraseña</translation>
    </message>
</context>
<context>
    <name>andon::ui::UserButton</name>
    <message>
        <source>Change password — %1</source>
        <translation>Cambiar contraseña — %1</translation>
    </message>
    <message numerus="yes">
        <source>at least %n characters</source>
        <translation>
            <numerusform>al menos %n carácter</numerusform>
            <numerusform>al menos %n caracteres</numerusform>
        </translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>Contraseña actual:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Contraseña nueva:</translation>
    </message>
    <message>
        <source>Repeat new password:</source>
        <translation>Repetir contraseña nueva:</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Cambiar</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>Las dos contraseñas nuevas no coinciden.</translation>
    </message>
    <message>
        <source>⚠ %1</source>
        <translation>⚠ %1</translation>
    </message>
    <message>
        <source>Sign in…</source>
        <translation>Iniciar sesión…</translation>
    </message>
    <message>
        <source>Switch user…</source>
        <translation>Cambiar de usuario…</translation>
    </message>
    <message>
        <source>The next user signs in (shift change)</source>
        <translation>El siguiente usuario inicia sesión (cambio de turno)</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>Cerrar sesión</translation>
    </message>
    <message>
        <source>Change password…</source>
        <translation>Cambiar contraseña…</translation>
    </message>
    <message>
        <source>Manage users…</source>
        <translation>Gestionar usuarios…</translation>
    </message>
    <message>
        <source>Audit journal…</source>
        <translation>Diario de auditoría…</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message numerus="yes">
        <source>Signed in as %1 (%2). Without input for %n min, Andon falls back to the viewer role.</source>
        <translation>
            <numerusform>Sesión iniciada como %1 (%2). Tras %n min sin actividad, Andon vuelve al rol de observador.</numerusform>
            <numerusform>Sesión iniciada como %1 (%2). Tras %n min sin actividad, Andon vuelve al rol de observador.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · Sign in</source>
        <translation>%1 · Iniciar sesión</translation>
    </message>
    <message>
        <source>Nobody is signed in: Andon only shows. Sign in to act.</source>
        <translation>No hay nadie con sesión iniciada: Andon solo muestra datos. Inicie sesión para actuar.</translation>
    </message>
    <message>
        <source>No users store is open: nobody can sign in.</source>
        <translation>No hay ninguna base de datos de usuarios abierta: nadie puede iniciar sesión.</translation>
    </message>
</context>
<context>
    <name>andon::widgets::AlarmBanner</name>
    <message>
        <source>Alarms: click to open the Alarms page</source>
        <translation>Alarmas: haga clic para abrir la página de alarmas</translation>
    </message>
    <message>
        <source>%1 %2: %3 active, %4 unacknowledged</source>
        <translation>%1 %2: %3 activas, %4 sin reconocer</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>Crítica</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Media</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Baja</translation>
    </message>
    <message>
        <source>ALARM FLOOD: %1 in 10 min</source>
        <translation>AVALANCHA DE ALARMAS: %1 en 10 min</translation>
    </message>
    <message>
        <source>No active alarms</source>
        <translation>No hay alarmas activas</translation>
    </message>
    <message>
        <source>   (+%1 more)</source>
        <translation>   (+%1 más)</translation>
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
    <message>
        <source>Trend %1</source>
        <translation>Tendencia de %1</translation>
    </message>
    <message>
        <source>rate</source>
        <translation>ritmo</translation>
    </message>
    <message>
        <source>Trend all values</source>
        <translation>Tendencia de todos los valores</translation>
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
        <translation>%1: desconocido — %2</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>Target %1 %</source>
        <translation>Objetivo %1 %</translation>
    </message>
    <message>
        <source>Below target</source>
        <translation>Por debajo del objetivo</translation>
    </message>
    <message>
        <source>▼ target %1 %</source>
        <translation>▼ objetivo %1 %</translation>
    </message>
    <message>
        <source>target %1 %</source>
        <translation>objetivo %1 %</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>desconocido</translation>
    </message>
</context>
<context>
    <name>andon::widgets::ParetoChart</name>
    <message>
        <source>Other</source>
        <translation>Otros</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Minutos</translation>
    </message>
    <message>
        <source>no stops</source>
        <translation>sin paradas</translation>
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
        <translation>sin datos</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Motivo: %1</translation>
    </message>
    <message>
        <source>not given yet</source>
        <translation>aún sin indicar</translation>
    </message>
    <message>
        <source>Start: %1</source>
        <translation>Inicio: %1</translation>
    </message>
    <message>
        <source>Duration: %1</source>
        <translation>Duración: %1</translation>
    </message>
    <message>
        <source>Click to give a reason, split or comment</source>
        <translation>Haga clic para indicar un motivo, dividir o comentar</translation>
    </message>
</context>
<context>
    <name>andon::widgets::TrendPlot</name>
    <message>
        <source>Pick tags on the left to trend them.</source>
        <translation>Elija tags a la izquierda para ver su tendencia.</translation>
    </message>
    <message>
        <source>value</source>
        <translation>valor</translation>
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
