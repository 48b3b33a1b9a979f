// "Scan registers" (ISA-101 level 4, diagnostics): reads a raw range of one Modbus device once
// (ModbusPoller::readRange(), on the Modbus thread, ahead of the polls without stopping them)
// and shows every register as hex/uint16/int16/bits/ASCII plus, for a chosen wide type, the
// value starting at each register in all four word/byte orders; the selected register's every
// reading is listed below. The numbers come from interpretRegisters() and decodeString(), so
// they are exactly what a tag with that mapping would read. Opened from the Connections page;
// non-modal, deleted on close.
#pragma once

#include "core/plant_model.h"

#include <QDialog>
#include <QList>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace andon {
class Engine;
}

namespace andon::ui {

class RegisterScanDialog : public QDialog
{
    Q_OBJECT
public:
    RegisterScanDialog(Engine *engine, const QString &deviceId, QWidget *parent = nullptr);

    // The start address as typed, in the device's convention: a protocol address 0-65535, or
    // with Modicon addressing a reference like 40001/400001 (its first digit picks the table)
    // or a 1-based number within `selected`. False with *error in words.
    static bool parseStart(const QString &text, ModbusAddressing addressing, ModbusTable selected,
                           ModbusTable *table, int *address, QString *error);

    void read(); // the Read button
    bool isReading() const { return m_reading; }
    // Everything read, every interpretation, as CSV (a header line, then one line per register
    // or bit; "." decimal point).
    QString csv() const;
    bool exportCsv(const QString &path, QString *error) const;
    QString selectionText() const; // selected rows, tab-separated with a header line
    void copySelection() const;    // ... to the clipboard (Ctrl+C, "Copy")

    QComboBox *tableBox() const { return m_tableBox; }
    QLineEdit *startEdit() const { return m_start; }
    QSpinBox *countBox() const { return m_count; }
    QPushButton *readButton() const { return m_read; }
    QComboBox *typeBox() const { return m_typeBox; }
    QTableWidget *table() const { return m_table; }
    QTableWidget *details() const { return m_details; }
    QLabel *statusLabel() const { return m_status; }

    // Columns of table() for register tables (bit tables show Address and State only).
    enum Column { AddressColumn, HexColumn, UInt16Column, Int16Column, BitsColumn, AsciiColumn,
                  AbcdColumn, CdabColumn, BadcColumn, DcbaColumn, ColumnCount };

signals:
    void readFinished(bool ok);

private:
    struct Reading
    {
        double value[4]; // by ModbusOrder; NaN when not enough registers follow
        bool present = false;
    };
    void finished(const QList<quint16> &values, const QString &error);
    void fillTable();
    void fillDetails();
    void tableChanged();
    QString addressLabel(int address) const; // in the device's convention
    const Reading &reading(int row, ModbusType type) const;
    static QString formatValue(ModbusType type, double value);

    Engine *m_engine;
    ModbusDevice m_device;
    QComboBox *m_tableBox = nullptr;
    QLineEdit *m_start = nullptr;
    QSpinBox *m_count = nullptr;
    QPushButton *m_read = nullptr;
    QComboBox *m_typeBox = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_export = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_detailsTitle = nullptr;
    QTableWidget *m_details = nullptr;
    QLabel *m_ascii = nullptr;
    QLabel *m_status = nullptr;
    bool m_reading = false;
    int m_generation = 0; // a result of an older read (dialog re-read) is dropped

    // The last good read.
    ModbusTable m_readTable = ModbusTable::HoldingRegister;
    int m_readStart = 0;
    QList<quint16> m_values;
    // m_readings[offset][type]: from interpretRegisters().
    std::vector<std::vector<Reading>> m_readings;
};

} // namespace andon::ui
