import { FlatXmlError, readXmlFields } from './flat-xml.js';
import { CallbackEventError, parseLivingStatusChange } from './living-status-event.js';

// The example of https://developer.work.weixin.qq.com/document/path/94145.
const OFFICIAL = `<xml>
   <ToUserName><![CDATA[toUser]]></ToUserName>
   <FromUserName><![CDATA[fromUser]]></FromUserName>
   <CreateTime>1348831860</CreateTime>
   <MsgType><![CDATA[event]]></MsgType>
   <Event><![CDATA[living_status_change]]></Event>
   <LivingId><![CDATA[LivingId]]></LivingId>
   <Status>1</Status>
   <AgentID>1</AgentID>
</xml>`;

describe('parseLivingStatusChange', () => {
  it('reads the official example', () => {
    expect(parseLivingStatusChange(OFFICIAL)).toEqual({
      event: 'living_status_change',
      livingId: 'LivingId',
      status: 1,
      toUserName: 'toUser',
      fromUserName: 'fromUser',
      createTime: 1348831860,
      agentId: 1,
    });
  });

  it('works without AgentID (a form WeCom also sends)', () => {
    const xml =
      '<xml><Event><![CDATA[living_status_change]]></Event><LivingId><![CDATA[lv1]]></LivingId><Status>4</Status></xml>';
    expect(parseLivingStatusChange(xml)).toEqual({
      event: 'living_status_change',
      livingId: 'lv1',
      status: 4,
    });
  });

  it('returns null for other events and messages', () => {
    expect(parseLivingStatusChange('<xml><MsgType><![CDATA[text]]></MsgType></xml>')).toBeNull();
    expect(parseLivingStatusChange('<xml><Event>subscribe</Event></xml>')).toBeNull();
  });

  it('rejects a malformed event', () => {
    const noId = '<xml><Event>living_status_change</Event><Status>1</Status></xml>';
    const badStatus =
      '<xml><Event>living_status_change</Event><LivingId>a</LivingId><Status>9</Status></xml>';
    const textStatus =
      '<xml><Event>living_status_change</Event><LivingId>a</LivingId><Status>x</Status></xml>';
    expect(() => parseLivingStatusChange(noId)).toThrowError(CallbackEventError);
    expect(() => parseLivingStatusChange(badStatus)).toThrowError(CallbackEventError);
    expect(() => parseLivingStatusChange(textStatus)).toThrowError(CallbackEventError);
  });
});

describe('readXmlFields', () => {
  it('reads CDATA verbatim, decodes entities in text, keeps nested XML raw', () => {
    const xml =
      '<?xml version="1.0"?><xml><A><![CDATA[ <b>&amp; ]]></A><B>x &lt; y &#x4e2d;</B><C/>' +
      '<!-- note --><D><Count>1</Count><Item><X>2</X></Item></D></xml>';
    expect(readXmlFields(xml)).toEqual({
      A: ' <b>&amp; ',
      B: 'x < y 中',
      C: '',
      D: '<Count>1</Count><Item><X>2</X></Item>',
    });
  });

  it('refuses DOCTYPEs, unknown entities and broken documents', () => {
    expect(() =>
      readXmlFields('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><A>&e;</A></xml>'),
    ).toThrowError(FlatXmlError);
    expect(() => readXmlFields('<xml><A>&e;</A></xml>')).toThrowError(FlatXmlError);
    expect(() => readXmlFields('<xml><A>1</xml>')).toThrowError(FlatXmlError);
    expect(() => readXmlFields('<xml><A><![CDATA[1</A></xml>')).toThrowError(FlatXmlError);
    expect(() => readXmlFields('<xml></xml><more/>')).toThrowError(FlatXmlError);
    expect(() => readXmlFields('plain text')).toThrowError(FlatXmlError);
  });
});
