<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>core</name>
    <message>
        <source>encrypted ZIP entries are not allowed</source>
        <translation>不允许使用加密的 ZIP 条目</translation>
    </message>
    <message>
        <source>the ZIP compression method is not supported</source>
        <translation>不支持该 ZIP 压缩方式</translation>
    </message>
    <message>
        <source>There is no file {path}.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>The package file is incomplete or is not an exam package; copy it again.</source>
        <translation>数据包文件不完整或不是考务数据包，请重新拷贝。</translation>
    </message>
    <message>
        <source>The package member {member} is larger than allowed.</source>
        <translation>数据包中的 {member} 超过允许的大小。</translation>
    </message>
    <message>
        <source>The package contains an unsafe file name: {member}</source>
        <translation>数据包中含有不安全的文件名：{member}</translation>
    </message>
    <message>
        <source>The package has no signature and cannot be trusted.</source>
        <translation>数据包没有签名，不能信任。</translation>
    </message>
    <message>
        <source>The package is not signed by a trusted issuer.</source>
        <translation>数据包不是由受信任的发布方签名的。</translation>
    </message>
    <message>
        <source>The package was altered after it was signed: {member} does not match its manifest.</source>
        <translation>数据包在签名后被改动过：{member} 与清单不符。</translation>
    </message>
    <message>
        <source>This package is meant for site {site}, not for this site.</source>
        <translation>此数据包是发给考点 {site} 的，不是本考点的。</translation>
    </message>
    <message>
        <source>The package member {member} is invalid: {detail}</source>
        <translation>数据包中的 {member} 内容无效：{detail}</translation>
    </message>
    <message>
        <source>The package has format version {version}, which this version of ExamSite cannot read.</source>
        <translation>数据包格式版本为 {version}，当前版本的考点通无法读取。</translation>
    </message>
    <message>
        <source>The package is larger than an exam package may be.</source>
        <translation>数据包超过考务数据包允许的大小。</translation>
    </message>
    <message>
        <source>numbers with a fraction must be written as strings: {value}</source>
        <translation>带小数的数字必须写成字符串：{value}</translation>
    </message>
    <message>
        <source>the field {field} is missing</source>
        <translation>缺少字段 {field}</translation>
    </message>
    <message>
        <source>the field {field} has a wrong type or value</source>
        <translation>字段 {field} 的类型或取值错误</translation>
    </message>
    <message>
        <source>the key {field} appears twice</source>
        <translation>键 {field} 出现了两次</translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <translation>不是有效的 JSON</translation>
    </message>
    <message>
        <source>{what} {code} appears twice</source>
        <translation>{what} {code} 重复出现</translation>
    </message>
    <message>
        <source>member</source>
        <translation>成员文件</translation>
    </message>
    <message>
        <source>the manifest lists itself or its signature</source>
        <translation>清单中列出了清单自身或其签名</translation>
    </message>
    <message>
        <source>ticket</source>
        <translation>准考证号</translation>
    </message>
    <message>
        <source>staff number</source>
        <translation>工作人员编号</translation>
    </message>
    <message>
        <source>session</source>
        <translation>场次</translation>
    </message>
    <message>
        <source>ticket {ticket} is seated in a session or room the plan does not have</source>
        <translation>准考证号 {ticket} 被安排在计划中不存在的场次或考场</translation>
    </message>
    <message>
        <source>ticket {ticket} has seat {seat} in room {room}, which is taken or does not exist</source>
        <translation>准考证号 {ticket} 的座位 {seat}（考场 {room}）已被占用或不存在</translation>
    </message>
    <message>
        <source>staff member {staff} has a duty in a session or room the plan does not have</source>
        <translation>工作人员 {staff} 的任务安排在计划中不存在的场次或考场</translation>
    </message>
    <message>
        <source>room</source>
        <translation>考场</translation>
    </message>
    <message>
        <source>the rule {field} is not known</source>
        <translation>未知的规则 {field}</translation>
    </message>
    <message>
        <source>session {session} names an unknown room {room}</source>
        <translation>场次 {session} 引用了不存在的考场 {room}</translation>
    </message>
    <message>
        <source>this member is missing from the package</source>
        <translation>数据包中缺少此文件</translation>
    </message>
    <message>
        <source>this member is not part of an exam package</source>
        <translation>此文件不属于考务数据包</translation>
    </message>
    <message>
        <source>ticket {ticket} has an invalid ID number</source>
        <translation>准考证号 {ticket} 的证件号码无效</translation>
    </message>
    <message>
        <source>the paper does not match the package's paper index</source>
        <translation>试卷与数据包的试卷索引不一致</translation>
    </message>
    <message>
        <source>it cannot be opened with this site's key</source>
        <translation>无法用本考点的密钥打开</translation>
    </message>
    <message>
        <source>session {session} names an unknown paper or task {code}</source>
        <translation>场次 {session} 引用了不存在的试卷或考核项目 {code}</translation>
    </message>
    <message>
        <source>task</source>
        <translation>考核项目</translation>
    </message>
    <message>
        <source>paper</source>
        <translation>试卷</translation>
    </message>
    <message>
        <source>item</source>
        <translation>试题</translation>
    </message>
    <message>
        <source>choice</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>rubric item</source>
        <translation>评分项</translation>
    </message>
    <message>
        <source>item {item} has too few choices</source>
        <translation>试题 {item} 的选项太少</translation>
    </message>
    <message>
        <source>The encrypted data is damaged or was altered.</source>
        <translation>加密数据已损坏或被改动。</translation>
    </message>
    <message>
        <source>The site passphrase is not correct.</source>
        <translation>考点口令不正确。</translation>
    </message>
    <message>
        <source>The exam password is not correct for this paper.</source>
        <translation>开考密码与此试卷不符。</translation>
    </message>
    <message>
        <source>The site key file {path} is damaged.</source>
        <translation>考点密钥文件 {path} 已损坏。</translation>
    </message>
    <message>
        <source>The site's public key record is damaged.</source>
        <translation>考点公钥记录已损坏。</translation>
    </message>
    <message>
        <source>There is no site key file at {path}.</source>
        <translation>{path} 处没有考点密钥文件。</translation>
    </message>
</context>
</TS>
